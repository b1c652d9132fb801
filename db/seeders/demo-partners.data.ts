/**
 * Demo operators, agreements and interventions described by the seed documents in shared/seeds.
 * Pure data: the demo seeder turns it into rows. Every entry names its source seed file.
 * Coordinates are [longitude, latitude] (WGS 84), approximate, for demo use only.
 */
// prettier-ignore
export type DemoOperatorKind =
  | 'POLICE' | 'MUNICIPALITY' | 'DISTRICT_ADMINISTRATION' | 'COUNTY_BOARD' | 'REGION' | 'PRISON_PROBATION'
  | 'CUSTOMS' | 'SECURITY_COMPANY' | 'PUBLIC_TRANSPORT' | 'PROPERTY_OWNER' | 'CIVIL_SOCIETY'
  | 'COORDINATION_OFFICE' | 'RESEARCH' | 'OTHER';
// prettier-ignore
export type DemoAgreementKind =
  | 'CITIZEN_PROMISE' | 'PLACE_COLLABORATION' | 'GUARD_MANDATE' | 'CAMERA_PERMIT' | 'REGIONAL_PROGRAMME' | 'OTHER';
export type DemoCategory = 'FORMAL_CONTROL' | 'INFORMAL_CONTROL' | 'SITUATIONAL_PREVENTION' | 'SOCIAL_PREVENTION';
export type DemoSensitivity = 'OPEN' | 'PARTNERS' | 'RESTRICTED';
export type DemoCommitmentStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
// prettier-ignore
/** A demo place: a point, or a circle (centre and radius in metres) that the seeder buffers in PostGIS. */
export type DemoPlace =
  | { point: [number, number] }
  | { center: [number, number]; radiusM: number }
  | { line: Array<[number, number]> };

export interface DemoOperator {
  key: string;
  name: string;
  kind: DemoOperatorKind;
  parentKey?: string;
  municipality?: string;
  source: string;
}
export interface DemoAgreement {
  key: string;
  kind: DemoAgreementKind;
  title: string;
  description?: string;
  validFrom: string; // YYYY-MM-DD
  validTo?: string; // YYYY-MM-DD, inclusive; omitted = open-ended
  sceneKeys: string[]; // keys from shared/data/scenes.json
  parties: Array<{ operatorKey: string; role: string }>;
  area?: { center: [number, number]; radiusM: number };
  commitments?: Array<{ description: string; dueDate?: string; status: DemoCommitmentStatus }>;
  source: string;
}
export interface DemoIntervention {
  key: string;
  sceneKey: string;
  ownerKey: string;
  operatorKeys?: string[]; // participating operators besides the owner
  agreementKey?: string;
  category: DemoCategory;
  kind: string; // short UPPER_SNAKE code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK
  title: string;
  description?: string;
  location: DemoPlace;
  startsAt: string; // ISO 8601 with offset, e.g. 2019-06-01T18:00:00+02:00
  endsAt?: string;
  recurrence?: string; // human text, e.g. "Fridays and Saturdays 18:00–02:00"
  sensitivity: DemoSensitivity;
  source: string;
}

// Operators. A parent is always listed before its children (the seeder resolves parentKey in order).

export const demoOperators: DemoOperator[] = [
  // --- Police: the region and its local police areas (lokalpolisområden) ---
  {
    key: 'polisregion-stockholm',
    name: 'Polisregion Stockholm',
    kind: 'POLICE',
    source: '002_5d46298819b65b2f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'lpo-jarfalla',
    name: 'Lokalpolisområde Järfälla',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Järfälla',
    source: '000_b3c96d5c810dfa18.txt, 001_c8cde956b870f921.txt',
  },
  {
    key: 'lpo-norrmalm',
    name: 'Lokalpolisområde Norrmalm',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'lpo-vallingby',
    name: 'Lokalpolisområde Vällingby',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Stockholm',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'lpo-farsta',
    name: 'Lokalpolisområde Farsta',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Stockholm',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'lpo-globen',
    name: 'Lokalpolisområde Globen',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Stockholm',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'lpo-botkyrka',
    name: 'Lokalpolisområde Botkyrka',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Botkyrka',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'lpo-huddinge',
    name: 'Lokalpolisområde Huddinge',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Huddinge',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'lpo-jarva',
    name: 'Lokalpolisområde Järva',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Stockholm',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'lpo-nacka',
    name: 'Lokalpolisområde Nacka',
    kind: 'POLICE',
    parentKey: 'polisregion-stockholm',
    municipality: 'Nacka',
    source: '002_5d46298819b65b2f.txt',
  },

  // --- Municipalities, city district administrations and city units ---
  {
    key: 'stockholms-stad',
    name: 'Stockholms stad',
    kind: 'MUNICIPALITY',
    municipality: 'Stockholm',
    source: '002_5d46298819b65b2f.txt, 003_9b12491808fd984f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sdf-hasselby-vallingby',
    name: 'Hässelby-Vällingby stadsdelsförvaltning',
    kind: 'DISTRICT_ADMINISTRATION',
    parentKey: 'stockholms-stad',
    municipality: 'Stockholm',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'sdf-norrmalm',
    name: 'Norrmalms stadsdelsförvaltning',
    kind: 'DISTRICT_ADMINISTRATION',
    parentKey: 'stockholms-stad',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'stockholm-sakerhetsavdelningen',
    name: 'Stockholms stad, stadsledningskontoret, säkerhetsavdelningen (mobila ordningsvakter)',
    kind: 'MUNICIPALITY',
    parentKey: 'stockholms-stad',
    municipality: 'Stockholm',
    source: '003_9b12491808fd984f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'stockholm-ungdomsjouren',
    name: 'Ungdomsjouren (Stockholms stad)',
    kind: 'MUNICIPALITY',
    parentKey: 'stockholms-stad',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'jarfalla-kommun',
    name: 'Järfälla kommun',
    kind: 'MUNICIPALITY',
    municipality: 'Järfälla',
    source: '000_b3c96d5c810dfa18.txt, 001_c8cde956b870f921.txt',
  },
  {
    key: 'botkyrka-kommun',
    name: 'Botkyrka kommun',
    kind: 'MUNICIPALITY',
    municipality: 'Botkyrka',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'huddinge-kommun',
    name: 'Huddinge kommun',
    kind: 'MUNICIPALITY',
    municipality: 'Huddinge',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'nacka-kommun',
    name: 'Nacka kommun',
    kind: 'MUNICIPALITY',
    municipality: 'Nacka',
    source: '002_5d46298819b65b2f.txt',
  },

  // --- State agencies and the region ---
  {
    key: 'lansstyrelsen-stockholm',
    name: 'Länsstyrelsen Stockholm',
    kind: 'COUNTY_BOARD',
    source: '002_5d46298819b65b2f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'region-stockholm',
    name: 'Region Stockholm',
    kind: 'REGION',
    source: '002_5d46298819b65b2f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sl-trafikforvaltningen',
    name: 'SL (Region Stockholm, Trafikförvaltningen)',
    kind: 'PUBLIC_TRANSPORT',
    parentKey: 'region-stockholm',
    source: '000_b3c96d5c810dfa18.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'kriminalvarden',
    name: 'Kriminalvården',
    kind: 'PRISON_PROBATION',
    source: '002_5d46298819b65b2f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'tullverket',
    name: 'Tullverket',
    kind: 'CUSTOMS',
    source: '002_5d46298819b65b2f.txt, 004_9d7826ed62f63f47.txt',
  },

  // --- Security company, property owners, business ---
  {
    key: 'bevakningsbolag',
    name: 'Bevakningsbolag (ordningsvakter)',
    kind: 'SECURITY_COMPANY',
    source: '000_b3c96d5c810dfa18.txt, 003_9b12491808fd984f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'fastighetsagare-vallingby-centrum',
    name: 'Fastighetsägare Vällingby centrum',
    kind: 'PROPERTY_OWNER',
    municipality: 'Stockholm',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'fastighetsagare-hasselby-gard',
    name: 'Fastighetsägare Hässelby gårds torg',
    kind: 'PROPERTY_OWNER',
    municipality: 'Stockholm',
    source: '003_9b12491808fd984f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'fastighetsagare-jakobsbergs-centrum',
    name: 'Fastighetsägare Jakobsbergs centrum',
    kind: 'PROPERTY_OWNER',
    municipality: 'Järfälla',
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'fastighetsagare-sergels-torg',
    name: 'Fastighetsägare kring Sergels torg',
    kind: 'PROPERTY_OWNER',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'city-i-samverkan',
    name: 'City i Samverkan',
    kind: 'OTHER',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'foretagarforeningen-klara',
    name: 'Företagarföreningen i Klarakvarteret (plockstädare)',
    kind: 'OTHER',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },

  // --- Civil society ---
  {
    key: 'nattvandrare-jarfalla',
    name: 'Nattvandrare Järfälla',
    kind: 'CIVIL_SOCIETY',
    municipality: 'Järfälla',
    source: '001_c8cde956b870f921.txt',
  },
  {
    key: 'kyrkans-volontarer-sergel',
    name: 'Kyrkans volontärer vid Sergels torg',
    kind: 'CIVIL_SOCIETY',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'foraldrar-hasselby',
    name: 'Föräldrar i Hässelby (föräldravandringar)',
    kind: 'CIVIL_SOCIETY',
    municipality: 'Stockholm',
    source: '004_9d7826ed62f63f47.txt',
  },

  // --- Coordination and research ---
  {
    key: 'ssr',
    name: 'Samverkan Stockholmsregionen (SSR), samordningskansliet',
    kind: 'COORDINATION_OFFICE',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'stad-cpf',
    name: 'STAD (Stockholm förebygger alkohol- och drogproblem), Centrum för psykiatriforskning',
    kind: 'RESEARCH',
    source: '004_9d7826ed62f63f47.txt',
  },
];

// Agreements.

export const demoAgreements: DemoAgreement[] = [
  // --- Citizen promise (medborgarlöfte) ---
  {
    key: 'jarfalla-medborgarlofte-2019-2020',
    kind: 'CITIZEN_PROMISE',
    title: 'Medborgarlöfte Järfälla 2019–2020: a safer station area in Jakobsberg',
    description:
      'Citizen promise of Lokalpolisområde Järfälla and Järfälla kommun (published 2019-05-27) to focus on safety in the Jakobsberg ' +
      'station area and the nearby outdoor part of Jakobsbergs centrum, mainly evenings and nights, which the 2018 citizen dialogues ' +
      'showed to be the most unsafe place. The press release in 000 reports that the open-drug-scene classification has since been removed.',
    validFrom: '2019-01-01',
    validTo: '2020-12-31',
    sceneKeys: ['jakobsberg'],
    parties: [
      { operatorKey: 'jarfalla-kommun', role: 'municipality (co-signatory)' },
      { operatorKey: 'lpo-jarfalla', role: 'local police (co-signatory)' },
    ],
    area: { center: [17.8336, 59.4229], radiusM: 300 },
    commitments: [
      {
        description: 'Yearly safety inspection (trygghetsbesiktning) of the area, to improve the physical environment.',
        dueDate: '2020-12-31',
        status: 'DONE',
      },
      { description: 'Increased police presence in central Jakobsberg.', dueDate: '2020-12-31', status: 'DONE' },
      {
        description:
          'As often as possible, police staff in the area on Friday and Saturday evenings, working together with the other actors who ' +
          'create safety there, such as ordningsvakter, security guards (väktare), night walkers and safety hosts (trygghetsvärdar).',
        dueDate: '2020-12-31',
        status: 'DONE',
      },
      {
        description: 'Joint briefing meetings (utsättningsmöten) to be held in connection with this.',
        dueDate: '2020-12-31',
        status: 'DONE',
      },
      {
        description:
          'The municipality promises safety-creating staff in various roles in the station area on both weekdays and weekends: ' +
          'safety hosts, field workers and ordningsvakter.',
        dueDate: '2020-12-31',
        status: 'DONE',
      },
      {
        description:
          'During the period of the promise, a safety centre (trygghetscenter) is to be set up at the station area, where the actors ' +
          'working on safety in the area can co-locate and coordinate their assignments.',
        dueDate: '2020-12-31',
        status: 'IN_PROGRESS',
      },
      {
        description:
          'The police classify the Jakobsberg station area as an open drug scene, one of about 50 in Stockholm county. The goal is that ' +
          'by the end of the promise on 2020-12-31 this is no longer the case.',
        dueDate: '2020-12-31',
        status: 'DONE',
      },
      {
        description:
          'A further goal: the Jakobsberg station area is to be camera-monitored by the police and/or the municipality, to increase safety.',
        dueDate: '2020-12-31',
        status: 'DONE',
      },
      {
        description: 'The municipality is responsible for night walks (nattvandringar) on weekends and school holidays.',
        dueDate: '2020-12-31',
        status: 'IN_PROGRESS',
      },
    ],
    source: '001_c8cde956b870f921.txt, 000_b3c96d5c810dfa18.txt',
  },

  // --- Guard mandates (LOV §3-förordnanden) in Hässelby-Vällingby ---
  {
    key: 'lov3-hasselby-gards-torg',
    kind: 'GUARD_MANDATE',
    title: 'LOV §3-förordnande Hässelby gårds torg',
    description:
      'Police decision under the Act on Security Officers (lagen om ordningsvakter, § 3) that lets ordningsvakter act at Hässelby gårds ' +
      'torg. In force per the district reply of 2024-03-21; the start date is a demo assumption tied to Hässelby gård becoming a priority ' +
      'place for the city’s mobile guards in summer 2023 (ordningsvakter were already present daily in 2019 per 004).',
    validFrom: '2023-06-01',
    sceneKeys: ['hasselby-torg'],
    parties: [
      { operatorKey: 'lpo-vallingby', role: 'issuing authority' },
      { operatorKey: 'bevakningsbolag', role: 'guard provider' },
      { operatorKey: 'stockholms-stad', role: 'client (mobile guards deployed by the security department of stadsledningskontoret)' },
    ],
    area: { center: [17.8433, 59.367], radiusM: 180 },
    source: '003_9b12491808fd984f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'lov3-vallingby-centrum',
    kind: 'GUARD_MANDATE',
    title: 'LOV §3-förordnande Vällingby centrum',
    description:
      'Police decision under lagen om ordningsvakter § 3 that lets ordningsvakter act in Vällingby centrum. In force per the district ' +
      'reply of 2024-03-21; start date is a demo assumption.',
    validFrom: '2023-06-01',
    sceneKeys: ['vallingby-centrum'],
    parties: [
      { operatorKey: 'lpo-vallingby', role: 'issuing authority' },
      { operatorKey: 'bevakningsbolag', role: 'guard provider' },
      { operatorKey: 'stockholms-stad', role: 'client (mobile guards deployed by the security department of stadsledningskontoret)' },
    ],
    area: { center: [17.8722, 59.3633], radiusM: 300 },
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'lov3-akermyntans-centrum',
    kind: 'GUARD_MANDATE',
    title: 'LOV §3-förordnande Åkermyntans centrum',
    description:
      'Police decision under lagen om ordningsvakter § 3 that lets ordningsvakter act in Åkermyntans centrum (Hässelby villastad). ' +
      'Not one of the listed open drug scenes, hence no scene link. In force per the district reply of 2024-03-21; start date is a demo assumption.',
    validFrom: '2023-06-01',
    sceneKeys: [],
    parties: [
      { operatorKey: 'lpo-vallingby', role: 'issuing authority' },
      { operatorKey: 'bevakningsbolag', role: 'guard provider' },
      { operatorKey: 'stockholms-stad', role: 'client (mobile guards deployed by the security department of stadsledningskontoret)' },
    ],
    area: { center: [17.8135, 59.3715], radiusM: 150 },
    source: '003_9b12491808fd984f.txt',
  },

  // --- Police camera surveillance (kamerabevakning) ---
  {
    key: 'cam-hasselby-torg',
    kind: 'CAMERA_PERMIT',
    title: 'Police camera surveillance, Hässelby torg and Friherregatan',
    description:
      'The district reply of 2024-03-21 states that the police have camera surveillance at all four open drug scenes in ' +
      'Hässelby-Vällingby; the start date is not given, so the reply date is used. The city had no safety cameras of its own there at that date.',
    validFrom: '2024-03-21',
    sceneKeys: ['hasselby-torg'],
    parties: [{ operatorKey: 'lpo-vallingby', role: 'permit holder' }],
    area: { center: [17.8433, 59.367], radiusM: 200 },
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'cam-hasselby-strand',
    kind: 'CAMERA_PERMIT',
    title: 'Police camera surveillance, Hässelby strand (Maltesholmstorget)',
    description: 'In force per the district reply of 2024-03-21 (police cameras at all four scenes in the district); start date not given.',
    validFrom: '2024-03-21',
    sceneKeys: ['hasselby-strand'],
    parties: [{ operatorKey: 'lpo-vallingby', role: 'permit holder' }],
    area: { center: [17.8325, 59.3613], radiusM: 180 },
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'cam-racksta',
    kind: 'CAMERA_PERMIT',
    title: 'Police camera surveillance, Råcksta (gamla torget, Ådalen, tunnelbanestationen)',
    description: 'In force per the district reply of 2024-03-21 (police cameras at all four scenes in the district); start date not given.',
    validFrom: '2024-03-21',
    sceneKeys: ['racksta'],
    parties: [{ operatorKey: 'lpo-vallingby', role: 'permit holder' }],
    area: { center: [17.8818, 59.3548], radiusM: 250 },
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'cam-vallingby-centrum',
    kind: 'CAMERA_PERMIT',
    title: 'Police camera surveillance, Vällingby centrum',
    description: 'In force per the district reply of 2024-03-21 (police cameras at all four scenes in the district); start date not given.',
    validFrom: '2024-03-21',
    sceneKeys: ['vallingby-centrum'],
    parties: [{ operatorKey: 'lpo-vallingby', role: 'permit holder' }],
    area: { center: [17.8722, 59.3633], radiusM: 250 },
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'cam-jakobsberg',
    kind: 'CAMERA_PERMIT',
    title: 'Police camera surveillance, Jakobsbergs centrum',
    description: 'The police decided on and mounted cameras at the place; they have had cameras in Jakobsbergs centrum since 2020.',
    validFrom: '2020-01-01',
    sceneKeys: ['jakobsberg'],
    parties: [{ operatorKey: 'lpo-jarfalla', role: 'permit holder' }],
    area: { center: [17.8336, 59.4229], radiusM: 250 },
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'cam-sergels-torg',
    kind: 'CAMERA_PERMIT',
    title: 'Police camera surveillance, Sergels torg',
    description:
      'Cameras are used frequently in surveillance at Sergels torg to detect drug handovers (interviews 2019). Start date not given; ' +
      'the report notes a lack of staff to work structurally with the installed cameras.',
    validFrom: '2019-01-01',
    sceneKeys: ['sergels-torg'],
    parties: [{ operatorKey: 'lpo-norrmalm', role: 'permit holder' }],
    area: { center: [18.0636, 59.3323], radiusM: 180 },
    source: '004_9d7826ed62f63f47.txt',
  },

  // --- Place-based collaboration (platssamverkan) and local forums ---
  {
    key: 'jakobsberg-platssamverkan',
    kind: 'PLACE_COLLABORATION',
    title: 'Platssamverkan Jakobsbergs centrum och station',
    description:
      'Structured improvement work by Järfälla kommun and Lokalpolisområde Järfälla since the police classified central Jakobsberg as ' +
      'an open drug scene in 2018, alongside the citizen promise, including collaboration with public transport. Five action areas: ' +
      'Helt och rent (whole and clean), Trygghet och säkerhet (safety and security), Gestaltning och identitet (design and identity), ' +
      'Attraktivitet och aktivitet (attractiveness and activity), Information och kommunikation (information and communication). ' +
      'The property-owner party is a demo assumption; 000 does not name property owners.',
    validFrom: '2018-01-01',
    sceneKeys: ['jakobsberg'],
    parties: [
      { operatorKey: 'jarfalla-kommun', role: 'municipality (lead)' },
      { operatorKey: 'lpo-jarfalla', role: 'local police (lead)' },
      { operatorKey: 'sl-trafikforvaltningen', role: 'public transport partner' },
      { operatorKey: 'fastighetsagare-jakobsbergs-centrum', role: 'property owner' },
    ],
    area: { center: [17.8336, 59.4229], radiusM: 300 },
    commitments: [
      { description: 'Joint situation-picture meetings (gemensamma lägesbildsmöten).', status: 'IN_PROGRESS' },
      { description: 'Start-up meetings for the external resources working in the area.', status: 'IN_PROGRESS' },
      { description: 'Collaboration with public transport at the station.', status: 'IN_PROGRESS' },
    ],
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'hasselby-torg-samverkan-2019',
    kind: 'PLACE_COLLABORATION',
    title: 'Organised collaboration at Hässelby torg (strategic and operational forums)',
    description:
      'A collaboration structure like the one at Sergels torg was being built up at Hässelby torg in 2019: police, municipality, ' +
      'property owners and social work meet regularly and discuss permanent and recurring changes to the square; a strategic forum ' +
      'sets goals and an operational forum handles acute problems.',
    validFrom: '2019-01-01',
    sceneKeys: ['hasselby-torg'],
    parties: [
      { operatorKey: 'lpo-vallingby', role: 'local police' },
      { operatorKey: 'sdf-hasselby-vallingby', role: 'city district administration' },
      { operatorKey: 'fastighetsagare-hasselby-gard', role: 'property owner' },
      { operatorKey: 'bevakningsbolag', role: 'ordningsvakter' },
    ],
    area: { center: [17.8433, 59.367], radiusM: 250 },
    commitments: [
      {
        description: 'Strategic forum: general problems, clear goals, resources and action plans; meets several times a year.',
        status: 'IN_PROGRESS',
      },
      { description: 'Operational forum with meetings several times a week, as at Sergels torg (planned in 2019).', status: 'PLANNED' },
    ],
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-vallingby-platssamverkan',
    kind: 'PLACE_COLLABORATION',
    title: 'Platssamverkan Hässelby-Vällingby',
    description:
      'The district administration and Lokalpolisområde Vällingby collaborate on all four open drug scenes in the district, with ' +
      'priorities set from the current situation picture; mappings and concrete measures are drawn up per place. Established ' +
      'collaboration with trafikkontoret (streets and squares) and with the property owners along the safety-walk routes. ' +
      'Start date not given; the reply date 2024-03-21 is used.',
    validFrom: '2024-03-21',
    sceneKeys: ['hasselby-torg', 'hasselby-strand', 'racksta', 'vallingby-centrum'],
    parties: [
      { operatorKey: 'sdf-hasselby-vallingby', role: 'city district administration' },
      { operatorKey: 'lpo-vallingby', role: 'local police' },
      { operatorKey: 'fastighetsagare-vallingby-centrum', role: 'property owner' },
      { operatorKey: 'fastighetsagare-hasselby-gard', role: 'property owner' },
    ],
    commitments: [
      {
        description:
          'Weekly joint situation picture from a selection of reported incidents affecting safety, with a joint assessment and decisions on short-term measures.',
        status: 'IN_PROGRESS',
      },
      { description: 'Daily follow-up of the open drug scenes when needed.', status: 'IN_PROGRESS' },
      {
        description:
          'Yearly joint follow-up with the police of each scene: how it has been, how it is expected to develop, and the long-term measures ' +
          'needed for the place to cease being an open drug scene.',
        status: 'IN_PROGRESS',
      },
      {
        description: 'Regular safety walks and citizen dialogues, open to all; the input is worked on further.',
        status: 'IN_PROGRESS',
      },
    ],
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'sergels-torg-forums',
    kind: 'PLACE_COLLABORATION',
    title: 'Sergels torg: strategic and operational collaboration forums',
    description:
      'Agreements between authorities, regular meetings and a shared meeting room on the square. Police, ordningsvakter and social ' +
      'workers meet several times a week to share the situation picture; the city’s mobile guards have a radio in direct contact with the police.',
    validFrom: '2019-01-01',
    sceneKeys: ['sergels-torg'],
    parties: [
      { operatorKey: 'lpo-norrmalm', role: 'local police' },
      { operatorKey: 'sdf-norrmalm', role: 'social services' },
      { operatorKey: 'stockholm-ungdomsjouren', role: 'outreach (youth)' },
      { operatorKey: 'stockholm-sakerhetsavdelningen', role: 'mobile ordningsvakter' },
      { operatorKey: 'bevakningsbolag', role: 'ordningsvakter' },
      { operatorKey: 'fastighetsagare-sergels-torg', role: 'property owner' },
    ],
    area: { center: [18.0636, 59.3323], radiusM: 300 },
    commitments: [
      {
        description:
          'Strategic forum: discusses general problems, sets clear goals, decides resources and action plans; meets several times a year.',
        status: 'IN_PROGRESS',
      },
      {
        description:
          'Operational forum: police, ordningsvakter and social workers meet several times a week to share the situation picture and act together.',
        status: 'IN_PROGRESS',
      },
      {
        description: 'Shared meeting room on the square (sofa corner, toilets, coffee machines) and digital communication systems.',
        status: 'DONE',
      },
    ],
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'city-i-samverkan-sergel',
    kind: 'PLACE_COLLABORATION',
    title: 'City i Samverkan: organised collaboration around Sergels torg',
    description:
      'Non-profit organisation aiming to make Stockholm city one of Europe’s most attractive destinations; members include Stockholms ' +
      'stad, property owners, retail, Trafikförvaltningen (SL), the police and individual companies. Start date not given; in place by 2019.',
    validFrom: '2019-01-01',
    sceneKeys: ['sergels-torg'],
    parties: [
      { operatorKey: 'city-i-samverkan', role: 'organiser' },
      { operatorKey: 'stockholms-stad', role: 'member' },
      { operatorKey: 'fastighetsagare-sergels-torg', role: 'member' },
      { operatorKey: 'sl-trafikforvaltningen', role: 'member' },
      { operatorKey: 'lpo-norrmalm', role: 'member' },
    ],
    area: { center: [18.0625, 59.333], radiusM: 450 },
    source: '004_9d7826ed62f63f47.txt',
  },

  // --- Regional programme and county-level work ---
  {
    key: 'ssr-regional-programme',
    kind: 'REGIONAL_PROGRAMME',
    title: 'Regional collaboration against open drug scenes in Stockholm county',
    description:
      'For two years (as of the early-2024 release) Länsstyrelsen Stockholm, the police, the county’s municipalities, Region Stockholm, ' +
      'Kriminalvården and Tullverket have worked together to reduce the number of open drug scenes; coordinated by the coordination ' +
      'office of Samverkan Stockholmsregionen (SSR). The 2023 mapping found 53 scenes in 8 of 26 municipalities; ten were worked away during 2023.',
    validFrom: '2022-01-01',
    sceneKeys: [
      'sergels-torg',
      'hasselby-torg',
      'hasselby-strand',
      'racksta',
      'vallingby-centrum',
      'jakobsberg',
      'hallunda-norsborg',
      'ullerudsbacken',
      'dalen',
      'lagaplan',
      'grantorp-visattra',
      'skogas-c',
      'varby-c',
      'dragorgrand',
      'nordkapsgatan-husby',
      'fisksatra-torg',
    ],
    parties: [
      { operatorKey: 'ssr', role: 'coordinator' },
      { operatorKey: 'lansstyrelsen-stockholm', role: 'partner' },
      { operatorKey: 'polisregion-stockholm', role: 'partner' },
      { operatorKey: 'region-stockholm', role: 'partner' },
      { operatorKey: 'kriminalvarden', role: 'partner' },
      { operatorKey: 'tullverket', role: 'partner' },
      { operatorKey: 'stockholms-stad', role: 'partner (municipality)' },
      { operatorKey: 'jarfalla-kommun', role: 'partner (municipality)' },
      { operatorKey: 'botkyrka-kommun', role: 'partner (municipality)' },
      { operatorKey: 'huddinge-kommun', role: 'partner (municipality)' },
      { operatorKey: 'nacka-kommun', role: 'partner (municipality)' },
    ],
    commitments: [
      {
        description:
          'Map how the county’s open drug scenes changed during 2023 (result: 53 scenes in 8 municipalities, 10 worked away, smaller total area, no new scenes elsewhere).',
        status: 'DONE',
      },
      { description: 'Reduce the number and area of open drug scenes in the county.', status: 'IN_PROGRESS' },
      { description: 'Keep continuity at places that have been worked away so that the scenes do not return.', status: 'IN_PROGRESS' },
      { description: 'Publish information and maps of the county’s open drug scenes on SSR’s website "Öppna drogscener".', status: 'DONE' },
    ],
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'metodhandbok-oppna-drogscener',
    kind: 'OTHER',
    title: 'Joint methods handbook against open drug scenes',
    description:
      'Methods handbook covering formal and informal control, situational prevention and access restriction, and social prevention, ' +
      'behind which stand the police, Kriminalvården, Länsstyrelsen, Region Stockholm and Tullverket. It guides the work at Sergels torg ' +
      'and Hässelby torg. Publication date not given; 2017 (when the police documented about 50 scenes) is used.',
    validFrom: '2017-01-01',
    sceneKeys: ['sergels-torg', 'hasselby-torg'],
    parties: [
      { operatorKey: 'polisregion-stockholm', role: 'co-author' },
      { operatorKey: 'kriminalvarden', role: 'co-author' },
      { operatorKey: 'lansstyrelsen-stockholm', role: 'co-author' },
      { operatorKey: 'region-stockholm', role: 'co-author' },
      { operatorKey: 'tullverket', role: 'co-author' },
    ],
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'stad-utvardering',
    kind: 'OTHER',
    title: 'STAD evaluation of the police work against open drug scenes in Stockholm',
    description:
      'Three-year evaluation by STAD, commissioned by Polismyndigheten and funded by Brå, focused on Sergels torg and Hässelby torg ' +
      '(interviews with 21 key persons in 2019, police statistics 2017–2019). Exact period not given; 2019–2021 is used.',
    validFrom: '2019-01-01',
    validTo: '2021-12-31',
    sceneKeys: ['sergels-torg', 'hasselby-torg'],
    parties: [
      { operatorKey: 'polisregion-stockholm', role: 'commissioning party' },
      { operatorKey: 'stad-cpf', role: 'evaluator' },
    ],
    commitments: [
      {
        description: 'Report on the problems at and methods used against Sergels torg and Hässelby torg (data up to December 2019).',
        status: 'DONE',
      },
    ],
    source: '004_9d7826ed62f63f47.txt',
  },
];

// Interventions.

export const demoInterventions: DemoIntervention[] = [
  // --- Jakobsberg (Järfälla) ---
  {
    key: 'jak-police-cameras',
    sceneKey: 'jakobsberg',
    ownerKey: 'lpo-jarfalla',
    agreementKey: 'cam-jakobsberg',
    category: 'FORMAL_CONTROL',
    kind: 'CAMERA_SURVEILLANCE',
    title: 'Police cameras in Jakobsbergs centrum',
    description: 'The police decided on and mounted cameras at the place; in place since 2020.',
    location: { point: [17.8331, 59.4231] },
    startsAt: '2020-01-01T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'jak-friday-saturday-police',
    sceneKey: 'jakobsberg',
    ownerKey: 'lpo-jarfalla',
    operatorKeys: ['jarfalla-kommun', 'bevakningsbolag', 'nattvandrare-jarfalla'],
    agreementKey: 'jarfalla-medborgarlofte-2019-2020',
    category: 'FORMAL_CONTROL',
    kind: 'UNIFORMED_PRESENCE',
    title: 'Police presence in the station area on Friday and Saturday evenings',
    description:
      'As often as possible, police staff in the area on Friday and Saturday evenings, working with ordningsvakter, security guards, ' +
      'night walkers and safety hosts, with joint briefing meetings (utsättningsmöten). Joint visibility operations with the municipality.',
    location: {
      line: [
        [17.8324, 59.4234],
        [17.8333, 59.423],
        [17.8343, 59.4226],
        [17.8352, 59.4222],
      ],
    },
    startsAt: '2019-01-04T18:00:00+01:00',
    endsAt: '2021-01-01T00:00:00+01:00',
    recurrence: 'Fridays and Saturdays, evenings',
    sensitivity: 'OPEN',
    source: '001_c8cde956b870f921.txt, 000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'jak-narcotics-operations',
    sceneKey: 'jakobsberg',
    ownerKey: 'lpo-jarfalla',
    category: 'FORMAL_CONTROL',
    kind: 'PLAIN_CLOTHES_SURVEILLANCE',
    title: 'Targeted police narcotics operations in central Jakobsberg',
    description: 'Over the years the police worked specifically against the narcotics problem at the place (narkotikainsatser).',
    location: { center: [17.8336, 59.4229], radiusM: 300 },
    startsAt: '2018-01-01T00:00:00+01:00',
    endsAt: '2021-01-01T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'jak-ordningsvakter',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    operatorKeys: ['bevakningsbolag'],
    agreementKey: 'jakobsberg-platssamverkan',
    category: 'FORMAL_CONTROL',
    kind: 'GUARD_PRESENCE',
    title: 'Ordningsvakter in Jakobsbergs centrum and station area',
    description: 'Ordningsvakter were appointed in 2018 and have since added "capable guardians" to the place (month not given).',
    location: { center: [17.8338, 59.4228], radiusM: 250 },
    startsAt: '2018-01-01T00:00:00+01:00',
    recurrence: 'Weekdays and weekends',
    sensitivity: 'OPEN',
    source: '000_b3c96d5c810dfa18.txt, 001_c8cde956b870f921.txt',
  },
  {
    key: 'jak-night-walks',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    operatorKeys: ['nattvandrare-jarfalla'],
    agreementKey: 'jarfalla-medborgarlofte-2019-2020',
    category: 'INFORMAL_CONTROL',
    kind: 'NIGHT_WALKS',
    title: 'Night walks on weekends and school holidays',
    description: 'The municipality is responsible for night walks in the station area on weekends and school holidays (citizen promise).',
    location: {
      line: [
        [17.8318, 59.4236],
        [17.8331, 59.4231],
        [17.8345, 59.4225],
        [17.8349, 59.4218],
        [17.8336, 59.4221],
      ],
    },
    startsAt: '2019-01-04T21:00:00+01:00',
    endsAt: '2021-01-01T00:00:00+01:00',
    recurrence: 'Weekends and school holidays, nights',
    sensitivity: 'OPEN',
    source: '001_c8cde956b870f921.txt',
  },
  {
    key: 'jak-safety-hosts-field-workers',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    agreementKey: 'jarfalla-medborgarlofte-2019-2020',
    category: 'SOCIAL_PREVENTION',
    kind: 'FIELD_WORKERS',
    title: 'Safety hosts and field workers in the station area',
    description:
      'Municipal safety-creating staff in the station area on weekdays and weekends: safety hosts (trygghetsvärdar) and field workers.',
    location: { center: [17.8334, 59.423], radiusM: 200 },
    startsAt: '2019-01-01T00:00:00+01:00',
    endsAt: '2021-01-01T00:00:00+01:00',
    recurrence: 'Weekdays and weekends',
    sensitivity: 'OPEN',
    source: '001_c8cde956b870f921.txt',
  },
  {
    key: 'jak-safety-inspection',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    operatorKeys: ['lpo-jarfalla'],
    agreementKey: 'jarfalla-medborgarlofte-2019-2020',
    category: 'SITUATIONAL_PREVENTION',
    kind: 'SAFETY_INSPECTION',
    title: 'Yearly safety inspection (trygghetsbesiktning) of the station area',
    description: 'Inspection of the area to improve the physical environment; dates are not given in the source.',
    location: { center: [17.8336, 59.4229], radiusM: 300 },
    startsAt: '2019-05-01T10:00:00+02:00',
    endsAt: '2020-12-31T23:59:00+01:00',
    recurrence: 'Yearly (2019 and 2020)',
    sensitivity: 'OPEN',
    source: '001_c8cde956b870f921.txt',
  },
  {
    key: 'jak-safety-walks',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    operatorKeys: ['lpo-jarfalla'],
    agreementKey: 'jakobsberg-platssamverkan',
    category: 'SOCIAL_PREVENTION',
    kind: 'SAFETY_WALK',
    title: 'Safety walks (trygghetsvandringar) in central Jakobsberg',
    description: 'Listed among the concrete measures; dates are not given in the source.',
    location: {
      line: [
        [17.8322, 59.4236],
        [17.8336, 59.4229],
        [17.8351, 59.4227],
        [17.8356, 59.4219],
      ],
    },
    startsAt: '2018-09-01T18:00:00+02:00',
    recurrence: 'Repeated since 2018 (dates not given in the source)',
    sensitivity: 'OPEN',
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'jak-citizen-dialogues',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    operatorKeys: ['lpo-jarfalla'],
    agreementKey: 'jakobsberg-platssamverkan',
    category: 'SOCIAL_PREVENTION',
    kind: 'CITIZEN_DIALOGUE',
    title: 'Citizen dialogues and information meetings at Mötesplats Jakobsberg',
    description:
      'Mötesplats Jakobsberg, a strategically important venue for collaboration and safety work, where the police and Järfälla kommun ' +
      'held citizen dialogues and information meetings. The 2018 dialogues showed great unsafety around the station area.',
    location: { point: [17.8346, 59.4223] },
    startsAt: '2018-01-01T00:00:00+01:00',
    recurrence: 'Recurring (dates not given in the source)',
    sensitivity: 'OPEN',
    source: '000_b3c96d5c810dfa18.txt, 001_c8cde956b870f921.txt',
  },
  {
    key: 'jak-municipal-service-moved-in',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    agreementKey: 'jakobsberg-platssamverkan',
    category: 'SITUATIONAL_PREVENTION',
    kind: 'MUNICIPAL_SERVICE_RELOCATION',
    title: 'Municipal service moved into an unsafe place in central Jakobsberg',
    description:
      'An unsafe place in central Jakobsberg was taken back by moving a municipal service there, together with physical changes. ' +
      'Which service, where exactly and when are not given in the source.',
    location: { point: [17.8327, 59.4222] },
    startsAt: '2019-09-01T00:00:00+02:00',
    sensitivity: 'OPEN',
    source: '000_b3c96d5c810dfa18.txt',
  },
  {
    key: 'jak-graffiti-removal',
    sceneKey: 'jakobsberg',
    ownerKey: 'jarfalla-kommun',
    agreementKey: 'jakobsberg-platssamverkan',
    category: 'SITUATIONAL_PREVENTION',
    kind: 'GRAFFITI_REMOVAL',
    title: 'Graffiti removal and better cleaning at the retaken place',
    description: 'Physical changes at the place, for example better cleaning and removal of graffiti (action area "Helt och rent").',
    location: { center: [17.8327, 59.4222], radiusM: 60 },
    startsAt: '2019-09-01T00:00:00+02:00',
    recurrence: 'As needed',
    sensitivity: 'OPEN',
    source: '000_b3c96d5c810dfa18.txt',
  },

  // --- Sergels torg / Klarakvarteret (Norrmalm) ---
  {
    key: 'sergel-uniformed-police',
    sceneKey: 'sergels-torg',
    ownerKey: 'lpo-norrmalm',
    category: 'FORMAL_CONTROL',
    kind: 'UNIFORMED_PRESENCE',
    title: 'Daily uniformed police presence at Sergels torg',
    description:
      'Uniformed police are present daily, often in afternoons and evenings, and visit between other assignments. The 15-minute method ' +
      'is not used explicitly here because something usually happens within the first minutes.',
    location: { center: [18.0636, 59.3323], radiusM: 180 },
    startsAt: '2017-01-01T00:00:00+01:00',
    recurrence: 'Daily, mostly afternoons and evenings',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-plain-clothes',
    sceneKey: 'sergels-torg',
    ownerKey: 'lpo-norrmalm',
    category: 'FORMAL_CONTROL',
    kind: 'PLAIN_CLOTHES_SURVEILLANCE',
    title: 'Plain-clothes surveillance of drug dealing at Sergels torg',
    description:
      'Plain-clothes officers observe and intervene against dealers, often together with uniformed police ("they watch, then we step in ' +
      'in uniform"); surveillance of strategic individuals, searches and seizures.',
    location: { center: [18.0632, 59.3325], radiusM: 200 },
    startsAt: '2017-01-01T00:00:00+01:00',
    recurrence: 'Frequent visits',
    sensitivity: 'RESTRICTED',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'city-network-operation-2018',
    sceneKey: 'sergels-torg',
    ownerKey: 'polisregion-stockholm',
    operatorKeys: ['lpo-norrmalm'],
    category: 'FORMAL_CONTROL',
    kind: 'NETWORK_MAPPING',
    title: 'Network mapping and operations against strategic individuals in central Stockholm',
    description:
      'In 2018 the police ran fairly large operations in central Stockholm, mapping the networks from top to bottom and prosecuting ' +
      'strategic individuals for serious drug crimes; no drugs were available in the grouping for two and a half to three months. ' +
      'The mapping could not continue for lack of resources.',
    location: { center: [18.062, 59.333], radiusM: 600 },
    startsAt: '2018-01-01T00:00:00+01:00',
    endsAt: '2019-01-01T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-police-cameras',
    sceneKey: 'sergels-torg',
    ownerKey: 'lpo-norrmalm',
    agreementKey: 'cam-sergels-torg',
    category: 'FORMAL_CONTROL',
    kind: 'CAMERA_SURVEILLANCE',
    title: 'Police cameras used to detect drug handovers at Sergels torg',
    description: 'Cameras are used frequently in surveillance work and show handovers that uniformed officers cannot catch.',
    location: { point: [18.0629, 59.3326] },
    startsAt: '2019-01-01T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-mobile-guards',
    sceneKey: 'sergels-torg',
    ownerKey: 'stockholm-sakerhetsavdelningen',
    operatorKeys: ['bevakningsbolag', 'lpo-norrmalm'],
    category: 'FORMAL_CONTROL',
    kind: 'GUARD_PRESENCE',
    title: 'The city’s mobile ordningsvakter at Sergels torg and Klarakvarteret',
    description:
      'Daily presence of the city’s mobile ordningsvakter, with a radio in direct contact with the police, covering Klarakvarteret when ' +
      'the police are busy. Guards from other operators (e.g. Kulturhuset) and at the adjacent metro and railway stations as well.',
    location: { center: [18.0636, 59.3323], radiusM: 250 },
    startsAt: '2017-01-01T00:00:00+01:00',
    recurrence: 'Daily',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sommar-pa-sergels-torg',
    sceneKey: 'sergels-torg',
    ownerKey: 'stockholms-stad',
    operatorKeys: ['lpo-norrmalm'],
    category: 'INFORMAL_CONTROL',
    kind: 'PUBLIC_EVENT',
    title: 'Sommar på Sergels torg',
    description:
      'Started by the city and the police together, with over 100 cultural activities: deck chairs on artificial grass, dance, yoga, ' +
      'performances and art exhibitions, to raise informal control while staff are on holiday and Kulturhuset is under renovation. ' +
      'Informants saw dealers and buyers literally disappear. The year is not given in the source; summer 2019 is used.',
    location: { point: [18.064, 59.3321] },
    startsAt: '2019-06-01T10:00:00+02:00',
    endsAt: '2019-08-31T22:00:00+02:00',
    recurrence: 'Summers (June–August), daily programme',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-litter-pickers',
    sceneKey: 'sergels-torg',
    ownerKey: 'foretagarforeningen-klara',
    operatorKeys: ['stockholms-stad'],
    category: 'SITUATIONAL_PREVENTION',
    kind: 'CLEANING',
    title: 'Daily cleaning and litter pickers (plockstädare) at Sergels torg',
    description:
      'Sergels torg is cleaned daily and repairs are made as needed ("broken windows"); litter pickers run by the business association ' +
      'walk around every day.',
    location: { center: [18.0636, 59.3323], radiusM: 220 },
    startsAt: '2017-01-01T00:00:00+01:00',
    recurrence: 'daily',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-lighting',
    sceneKey: 'sergels-torg',
    ownerKey: 'stockholms-stad',
    operatorKeys: ['fastighetsagare-sergels-torg'],
    category: 'SITUATIONAL_PREVENTION',
    kind: 'LIGHTING',
    title: 'Changed lighting installation at Sergels torg',
    description: 'The lighting installation was changed to make the place less attractive for crime. Date not given; before end of 2019.',
    location: { point: [18.0643, 59.3325] },
    startsAt: '2019-01-01T00:00:00+01:00',
    endsAt: '2019-12-31T00:00:00+01:00',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-tunnel-art',
    sceneKey: 'sergels-torg',
    ownerKey: 'fastighetsagare-sergels-torg',
    operatorKeys: ['stockholms-stad'],
    category: 'SITUATIONAL_PREVENTION',
    kind: 'PUBLIC_ART',
    title: 'Art exhibition in the tunnel to the nearby shopping area',
    description:
      'Part of the mission, together with property owners, to change the identity of the place from open drug scene with art and culture ' +
      '(restaurants, museums, exhibitions next to the square). Who installed it is not stated.',
    location: { point: [18.0628, 59.3318] },
    startsAt: '2019-01-01T00:00:00+01:00',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-remove-hiding-places',
    sceneKey: 'sergels-torg',
    ownerKey: 'fastighetsagare-sergels-torg',
    operatorKeys: ['stockholms-stad', 'lpo-norrmalm'],
    category: 'SITUATIONAL_PREVENTION',
    kind: 'PHYSICAL_REDESIGN',
    title: 'Removing drug hiding places and fixing the physical environment',
    description:
      'Police, city, property owners and others meet regularly on permanent and recurring changes: window sills and bags around trees ' +
      'that serve as hiding places, doors that do not work repaired, locks fitted where missing.',
    location: { center: [18.0634, 59.3327], radiusM: 150 },
    startsAt: '2019-01-01T00:00:00+01:00',
    recurrence: 'Continuous, as needed',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'klara-mumin',
    sceneKey: 'sergels-torg',
    ownerKey: 'lpo-norrmalm',
    operatorKeys: ['sdf-norrmalm', 'region-stockholm'],
    category: 'SOCIAL_PREVENTION',
    kind: 'MUMIN',
    title: 'MUMIN for young people caught with drugs in Klarakvarteret',
    description:
      'Police and social services together: the young person suspected of minor drug crime is questioned, a social conversation is held ' +
      'and social services notified, usually with a visit to the Maria Ungdom emergency unit for a doctor’s assessment and follow-up. ' +
      'Used less in recent years for lack of time; the goal is to raise it to about 400 times a year.',
    location: { center: [18.062, 59.333], radiusM: 450 },
    startsAt: '2017-01-01T00:00:00+01:00',
    recurrence: 'Case by case; goal about 400 times a year',
    sensitivity: 'PARTNERS',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-youth-outreach',
    sceneKey: 'sergels-torg',
    ownerKey: 'stockholm-ungdomsjouren',
    operatorKeys: ['sdf-norrmalm', 'lpo-norrmalm'],
    category: 'SOCIAL_PREVENTION',
    kind: 'OUTREACH',
    title: 'Outreach to young people at Sergels torg (Plattan)',
    description:
      'Police, field assistants and outreach teams are regularly present and talk with young people, motivating them to leave the place ' +
      'and accept help; parents are contacted when drug use is suspected. Other teams seek contact with homeless adults, migrants and drug users.',
    location: { center: [18.0638, 59.3321], radiusM: 200 },
    startsAt: '2017-01-01T00:00:00+01:00',
    recurrence: 'Regular presence',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'sergel-church-volunteers',
    sceneKey: 'sergels-torg',
    ownerKey: 'kyrkans-volontarer-sergel',
    category: 'INFORMAL_CONTROL',
    kind: 'VOLUNTEER_PRESENCE',
    title: 'Volunteers from organisations and the church at Sergels torg',
    description: 'Volunteers from various organisations and from the church are part of the controlling presence, mainly at Sergels torg.',
    location: { point: [18.0633, 59.332] },
    startsAt: '2019-01-01T00:00:00+01:00',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },

  // --- Hässelby torg / Hässelby gård ---
  {
    key: 'hasselby-gard-mobile-guards',
    sceneKey: 'hasselby-torg',
    ownerKey: 'stockholm-sakerhetsavdelningen',
    operatorKeys: ['bevakningsbolag', 'sdf-hasselby-vallingby'],
    agreementKey: 'lov3-hasselby-gards-torg',
    category: 'FORMAL_CONTROL',
    kind: 'GUARD_PRESENCE',
    title: 'Mobile ordningsvakter at Hässelby gårds torg (priority place since summer 2023)',
    description:
      'Stadsledningskontoret’s security department decides where the city’s mobile guards patrol, from a situation picture built with the ' +
      'security company and the police; Hässelby gård has been a priority place since summer 2023. Guards were already present daily in 2019 (004).',
    location: { center: [17.8433, 59.367], radiusM: 180 },
    startsAt: '2023-06-01T00:00:00+02:00',
    recurrence: 'Patrols as decided from the weekly situation picture',
    sensitivity: 'OPEN',
    source: '003_9b12491808fd984f.txt, 004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-fifteen-minute',
    sceneKey: 'hasselby-torg',
    ownerKey: 'lpo-vallingby',
    category: 'FORMAL_CONTROL',
    kind: 'FIFTEEN_MINUTE_METHOD',
    title: '15-minute method at Hässelby torg',
    description:
      'Short police visits: patrol for 15 minutes, check around, leave if nothing has happened and return later; seen as giving good ' +
      'results for little effort.',
    location: { center: [17.8431, 59.3672], radiusM: 150 },
    startsAt: '2019-01-01T00:00:00+01:00',
    recurrence: 'Repeated short visits, several times a day when resources allow',
    sensitivity: 'PARTNERS',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-dog-search',
    sceneKey: 'hasselby-torg',
    ownerKey: 'lpo-vallingby',
    category: 'FORMAL_CONTROL',
    kind: 'DOG_SEARCH',
    title: 'Dog searches of drug hiding places around Hässelby torg',
    description: 'The police search typical hiding places near the square, with dogs, to take away the dealers’ drugs and disrupt them.',
    location: { point: [17.8441, 59.3666] },
    startsAt: '2019-01-01T00:00:00+01:00',
    recurrence: 'Irregular',
    sensitivity: 'RESTRICTED',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-vehicle-stops',
    sceneKey: 'hasselby-torg',
    ownerKey: 'lpo-vallingby',
    category: 'FORMAL_CONTROL',
    kind: 'VEHICLE_STOPS',
    title: 'Vehicle stops in Hässelby',
    description:
      'The police stop cars to prevent drug dealing, drugged driving and other crime ("our criminals move by car"); seen as a strategic ' +
      'way to check persons. Also used around Sergels torg.',
    location: { center: [17.8425, 59.3675], radiusM: 400 },
    startsAt: '2019-01-01T00:00:00+01:00',
    sensitivity: 'PARTNERS',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-torg-cameras',
    sceneKey: 'hasselby-torg',
    ownerKey: 'lpo-vallingby',
    agreementKey: 'cam-hasselby-torg',
    category: 'FORMAL_CONTROL',
    kind: 'CAMERA_SURVEILLANCE',
    title: 'Police cameras at Hässelby torg and Friherregatan',
    location: { point: [17.8436, 59.3668] },
    startsAt: '2024-03-21T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'hasselby-summer-culture',
    sceneKey: 'hasselby-torg',
    ownerKey: 'sdf-hasselby-vallingby',
    operatorKeys: ['lpo-vallingby'],
    category: 'INFORMAL_CONTROL',
    kind: 'PUBLIC_EVENT',
    title: 'Summer cultural programme at Hässelby gårds torg',
    description:
      'A cultural arrangement like "Sommar på Sergels torg" held in Hässelby; residents reported the calmest summer in years and ' +
      'crime statistics dropped markedly over the summer months. Year not given; summer 2019 is used.',
    location: { point: [17.8429, 59.3668] },
    startsAt: '2019-06-01T12:00:00+02:00',
    endsAt: '2019-08-31T22:00:00+02:00',
    recurrence: 'Summer',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-adults-at-night',
    sceneKey: 'hasselby-torg',
    ownerKey: 'sdf-hasselby-vallingby',
    operatorKeys: ['lpo-vallingby', 'foraldrar-hasselby'],
    category: 'INFORMAL_CONTROL',
    kind: 'PARENT_WALKS',
    title: 'More adults at night: parent walks, field assistants and youth-club staff',
    description:
      'The municipality and the police engage field assistants, youth-club staff and parents to raise adult presence at night; ' +
      'appreciated by shop owners, but few or no parents turn up on the joint adult walks.',
    location: {
      line: [
        [17.8418, 59.3676],
        [17.8433, 59.367],
        [17.8446, 59.3664],
        [17.8452, 59.3672],
      ],
    },
    startsAt: '2019-01-01T00:00:00+01:00',
    recurrence: 'Evenings and nights',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-school-contacts',
    sceneKey: 'hasselby-torg',
    ownerKey: 'lpo-vallingby',
    operatorKeys: ['sdf-hasselby-vallingby'],
    category: 'SOCIAL_PREVENTION',
    kind: 'SCHOOL_CONTACTS',
    title: 'Police–school dialogue on drugs in Hässelby',
    description:
      'Police and schools talk about drug use and dealing on and around school yards; in October 2019 principals of 12 schools wrote ' +
      'to all parents urging them to patrol their neighbourhoods in the evenings. Field assistants present themselves in schools.',
    location: { center: [17.845, 59.366], radiusM: 1200 },
    startsAt: '2019-10-01T00:00:00+02:00',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },
  {
    key: 'hasselby-torg-renovation',
    sceneKey: 'hasselby-torg',
    ownerKey: 'stockholms-stad',
    operatorKeys: ['lpo-vallingby', 'fastighetsagare-hasselby-gard'],
    category: 'SITUATIONAL_PREVENTION',
    kind: 'PHYSICAL_REDESIGN',
    title: 'Planned renovation of Hässelby torg with police advice',
    description:
      'Renovation planned as of 2019 to make the square more open and pleasant; the police advise the architects (low bushes or tall ' +
      'trees instead of high bushes, fewer hiding places), and metal spikes against pigeons are planned. Who leads it is not stated.',
    location: { center: [17.8433, 59.367], radiusM: 120 },
    startsAt: '2019-12-01T00:00:00+01:00',
    sensitivity: 'OPEN',
    source: '004_9d7826ed62f63f47.txt',
  },

  // --- Hässelby strand, Råcksta, Vällingby centrum ---
  {
    key: 'hasselby-strand-cameras',
    sceneKey: 'hasselby-strand',
    ownerKey: 'lpo-vallingby',
    agreementKey: 'cam-hasselby-strand',
    category: 'FORMAL_CONTROL',
    kind: 'CAMERA_SURVEILLANCE',
    title: 'Police cameras at Maltesholmstorget, Hässelby strand',
    location: { point: [17.8321, 59.3615] },
    startsAt: '2024-03-21T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'hasselby-strand-citizen-dialogue',
    sceneKey: 'hasselby-strand',
    ownerKey: 'sdf-hasselby-vallingby',
    operatorKeys: ['lpo-vallingby'],
    agreementKey: 'hasselby-vallingby-platssamverkan',
    category: 'SOCIAL_PREVENTION',
    kind: 'CITIZEN_DIALOGUE',
    title: 'Citizen dialogue on safety, Hässelby strand',
    description: 'Regular citizen dialogues, open to all, to hear how residents experience safety; the input is worked on further.',
    location: { point: [17.833, 59.3611] },
    startsAt: '2024-03-21T18:00:00+01:00',
    recurrence: 'Regularly (dates not given in the source)',
    sensitivity: 'OPEN',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'racksta-cameras',
    sceneKey: 'racksta',
    ownerKey: 'lpo-vallingby',
    agreementKey: 'cam-racksta',
    category: 'FORMAL_CONTROL',
    kind: 'CAMERA_SURVEILLANCE',
    title: 'Police cameras at Råcksta',
    location: { point: [17.8812, 59.355] },
    startsAt: '2024-03-21T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'racksta-vegetation-sightlines',
    sceneKey: 'racksta',
    ownerKey: 'sdf-hasselby-vallingby',
    agreementKey: 'hasselby-vallingby-platssamverkan',
    category: 'SITUATIONAL_PREVENTION',
    kind: 'PLANTING',
    title: 'Vegetation, lighting and sight-line improvements on district parkland, Råcksta/Ådalen',
    description:
      'On the district’s parkland the park engineers ensure cleaning, lighting, vegetation and better sight lines, following measures ' +
      'proposed on safety walks. The source describes this district-wide; placing it at Råcksta is a demo choice.',
    location: { center: [17.8825, 59.3545], radiusM: 200 },
    startsAt: '2024-03-21T00:00:00+01:00',
    recurrence: 'Ongoing park maintenance',
    sensitivity: 'OPEN',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'vallingby-cameras',
    sceneKey: 'vallingby-centrum',
    ownerKey: 'lpo-vallingby',
    agreementKey: 'cam-vallingby-centrum',
    category: 'FORMAL_CONTROL',
    kind: 'CAMERA_SURVEILLANCE',
    title: 'Police cameras in Vällingby centrum',
    location: { point: [17.8728, 59.3631] },
    startsAt: '2024-03-21T00:00:00+01:00',
    sensitivity: 'RESTRICTED',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'vallingby-ordningsvakter',
    sceneKey: 'vallingby-centrum',
    ownerKey: 'bevakningsbolag',
    operatorKeys: ['stockholm-sakerhetsavdelningen', 'fastighetsagare-vallingby-centrum'],
    agreementKey: 'lov3-vallingby-centrum',
    category: 'FORMAL_CONTROL',
    kind: 'GUARD_PRESENCE',
    title: 'Ordningsvakter in Vällingby centrum under the LOV §3 mandate',
    description: 'Ordningsvakter may act in Vällingby centrum because of the police mandate under LOV § 3.',
    location: { center: [17.8722, 59.3633], radiusM: 250 },
    startsAt: '2023-06-01T00:00:00+02:00',
    sensitivity: 'OPEN',
    source: '003_9b12491808fd984f.txt',
  },
  {
    key: 'vallingby-safety-walk',
    sceneKey: 'vallingby-centrum',
    ownerKey: 'sdf-hasselby-vallingby',
    operatorKeys: ['lpo-vallingby', 'fastighetsagare-vallingby-centrum'],
    agreementKey: 'hasselby-vallingby-platssamverkan',
    category: 'SOCIAL_PREVENTION',
    kind: 'SAFETY_WALK',
    title: 'Safety walk (trygghetsvandring) in Vällingby centrum',
    description:
      'Regular safety walks open to all: the place is documented and measures proposed. Property owners along the designated routes take part.',
    location: {
      line: [
        [17.8704, 59.364],
        [17.8716, 59.3636],
        [17.8729, 59.363],
        [17.8741, 59.3624],
      ],
    },
    startsAt: '2024-03-21T18:00:00+01:00',
    recurrence: 'Regularly (dates not given in the source)',
    sensitivity: 'OPEN',
    source: '003_9b12491808fd984f.txt',
  },

  // --- Scenes worked away in 2023 (002 gives only the general kinds of work, not per-place details) ---
  {
    key: 'hallunda-safe-adults-2023',
    sceneKey: 'hallunda-norsborg',
    ownerKey: 'botkyrka-kommun',
    operatorKeys: ['lpo-botkyrka'],
    agreementKey: 'ssr-regional-programme',
    category: 'INFORMAL_CONTROL',
    kind: 'SAFE_ADULTS_PRESENCE',
    title: 'High presence of safe adults at Hallunda C/Norsborg C',
    description:
      'Illustrative: 002 names high presence of safe adults, pleasant activities and on-site collaboration as typical local work behind ' +
      'the ten scenes worked away in 2023, without details per place.',
    location: { center: [17.824, 59.2436], radiusM: 300 },
    startsAt: '2023-01-01T00:00:00+01:00',
    endsAt: '2023-12-31T23:59:00+01:00',
    sensitivity: 'OPEN',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'fisksatra-activities-2023',
    sceneKey: 'fisksatra-torg',
    ownerKey: 'nacka-kommun',
    operatorKeys: ['lpo-nacka'],
    agreementKey: 'ssr-regional-programme',
    category: 'INFORMAL_CONTROL',
    kind: 'PUBLIC_EVENT',
    title: 'Pleasant activities on Fisksätra torg',
    description:
      'Illustrative: 002 names creating pleasant activities on the place among the typical local work behind the scenes worked away in 2023.',
    location: { point: [18.2568, 59.2942] },
    startsAt: '2023-05-01T00:00:00+02:00',
    endsAt: '2023-12-31T23:59:00+01:00',
    sensitivity: 'OPEN',
    source: '002_5d46298819b65b2f.txt',
  },
  {
    key: 'varby-police-presence-2023',
    sceneKey: 'varby-c',
    ownerKey: 'lpo-huddinge',
    operatorKeys: ['huddinge-kommun'],
    agreementKey: 'ssr-regional-programme',
    category: 'FORMAL_CONTROL',
    kind: 'UNIFORMED_PRESENCE',
    title: 'Local police work at Vårby C',
    description:
      'Illustrative: 002 credits the local police work, alone and with others, for the scenes worked away in 2023, without details per place.',
    location: { center: [17.883, 59.2645], radiusM: 200 },
    startsAt: '2023-01-01T00:00:00+01:00',
    endsAt: '2023-12-31T23:59:00+01:00',
    sensitivity: 'PARTNERS',
    source: '002_5d46298819b65b2f.txt',
  },
];
