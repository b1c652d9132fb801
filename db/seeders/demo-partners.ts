import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgreementKind, CommitmentStatus } from '../../schema/agreement/agreement-kind';
import { InterventionCategory, Sensitivity } from '../../schema/intervention/intervention-enums';
import { OperatorKind } from '../../schema/operator/operator-kind';

/**
 * The demo operators, agreements and interventions the seed documents describe (shared/seeds), as
 * data: `data/operators.json`, `data/agreements.json`, `data/interventions.json`. Read here and
 * checked against the domain's own enums and shapes, so that a typo in the data stops the seeder
 * with a sentence naming the file, the entry and the field. Every entry names its source seed
 * file. Coordinates are [longitude, latitude] (WGS 84), approximate, for demo use only.
 */

import type { DemoPlace } from '../spatial/demo-places';

export interface DemoOperator {
  key: string;
  name: string;
  kind: OperatorKind;
  /** An operator listed before this one. */
  parentKey?: string;
  municipality?: string;
  source: string;
}

export interface DemoAgreement {
  key: string;
  kind: AgreementKind;
  title: string;
  description?: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; absent = open-ended */
  validTo?: string;
  /** Keys of data/scenes.json */
  sceneKeys: string[];
  parties: Array<{ operatorKey: string; role: string }>;
  area?: { center: [number, number]; radiusM: number };
  commitments?: Array<{ description: string; dueDate?: string; status: CommitmentStatus }>;
  source: string;
}

export interface DemoIntervention {
  key: string;
  sceneKey: string;
  ownerKey: string;
  /** Participating operators besides the owner. */
  operatorKeys?: string[];
  agreementKey?: string;
  category: InterventionCategory;
  /** A short UPPER_SNAKE code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK */
  kind: string;
  title: string;
  description?: string;
  location: DemoPlace;
  /** ISO 8601 with offset, e.g. 2019-06-01T18:00:00+02:00 */
  startsAt: string;
  endsAt?: string;
  /** In words, e.g. "Fridays and Saturdays 18:00–02:00" */
  recurrence?: string;
  sensitivity: Sensitivity;
  source: string;
}

export interface DemoPartners {
  operators: DemoOperator[];
  agreements: DemoAgreement[];
  interventions: DemoIntervention[];
}

/** Reads and checks the three files in `dir`. @throws Error naming the file, entry and field of the first fault */
export function loadDemoPartners(dir: string): DemoPartners {
  const read = (file: string, list: string) => ({
    file,
    entries: (JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown[]>)[list],
  });
  return checkDemoPartners(
    read('operators.json', 'operators'),
    read('agreements.json', 'agreements'),
    read('interventions.json', 'interventions'),
  );
}

type Listed = { file: string; entries: unknown };

/** The demo partners checked entry by entry (see loadDemoPartners). */
export function checkDemoPartners(operators: Listed, agreements: Listed, interventions: Listed): DemoPartners {
  return {
    operators: entriesOf(operators, checkOperator),
    agreements: entriesOf(agreements, checkAgreement),
    interventions: entriesOf(interventions, checkIntervention),
  };
}

// Private:

type Entry = Record<string, unknown>;
type Check = (entry: Entry, field: (name: string) => Fault) => void;
type Fault = (expected: string) => never;

function entriesOf<T>({ file, entries }: Listed, check: Check): T[] {
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of entries under its one key`);
  return entries.map((entry: Entry, index) => {
    const name = typeof entry?.key === 'string' ? entry.key : `#${index}`;
    check(entry, (field) => (expected) => {
      throw new Error(`${file}, entry ${name}: ${field} must be ${expected}, got ${JSON.stringify(entry[field])}`);
    });
    return entry as T;
  });
}

const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const optional = (value: unknown, test: (value: unknown) => boolean) => value === undefined || test(value);
const oneOf = (values: object) => (value: unknown) => (Object.values(values) as unknown[]).includes(value);
const day = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const instant = (value: unknown) => typeof value === 'string' && /T.*(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
const position = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every(Number.isFinite);
const texts = (value: unknown) => Array.isArray(value) && value.every(text);
const circle = (value: unknown) => {
  const place = value as { center?: unknown; radiusM?: unknown };
  return position(place?.center) && typeof place.radiusM === 'number' && place.radiusM > 0;
};
const place = (value: unknown) => {
  const given = value as { point?: unknown; line?: unknown };
  return position(given?.point) || (Array.isArray(given?.line) && given.line.length >= 2 && given.line.every(position)) || circle(value);
};

function needs(entry: Entry, field: (name: string) => Fault, name: string, test: (value: unknown) => boolean, expected: string): void {
  if (!test(entry[name])) field(name)(expected);
}

const checkOperator: Check = (entry, field) => {
  needs(entry, field, 'key', text, 'a key');
  needs(entry, field, 'name', text, 'a name');
  needs(entry, field, 'kind', oneOf(OperatorKind), `one of ${Object.values(OperatorKind).join(', ')}`);
  needs(entry, field, 'parentKey', (v) => optional(v, text), 'an operator key');
  needs(entry, field, 'municipality', (v) => optional(v, text), 'a municipality');
  needs(entry, field, 'source', text, 'the seed file it comes from');
};

const checkAgreement: Check = (entry, field) => {
  needs(entry, field, 'key', text, 'a key');
  needs(entry, field, 'kind', oneOf(AgreementKind), `one of ${Object.values(AgreementKind).join(', ')}`);
  needs(entry, field, 'title', text, 'a title');
  needs(entry, field, 'validFrom', day, 'a day YYYY-MM-DD');
  needs(entry, field, 'validTo', (v) => optional(v, day), 'a day YYYY-MM-DD');
  needs(entry, field, 'sceneKeys', texts, 'a list of scene keys');
  needs(
    entry,
    field,
    'parties',
    (v) => Array.isArray(v) && v.every((p) => text(p?.operatorKey) && typeof p?.role === 'string'),
    'a list of { operatorKey, role }',
  );
  needs(entry, field, 'area', (v) => optional(v, circle), 'a circle { center: [lon, lat], radiusM }');
  const commitment = (c: { description?: unknown; dueDate?: unknown; status?: unknown }) =>
    text(c?.description) && optional(c.dueDate, day) && oneOf(CommitmentStatus)(c.status);
  needs(
    entry,
    field,
    'commitments',
    (v) => optional(v, (list) => Array.isArray(list) && list.every(commitment)),
    `a list of { description, dueDate?, status: ${Object.values(CommitmentStatus).join(' | ')} }`,
  );
  needs(entry, field, 'source', text, 'the seed file it comes from');
};

const checkIntervention: Check = (entry, field) => {
  needs(entry, field, 'key', text, 'a key');
  needs(entry, field, 'sceneKey', text, 'a scene key');
  needs(entry, field, 'ownerKey', text, 'an operator key');
  needs(entry, field, 'operatorKeys', (v) => optional(v, texts), 'a list of operator keys');
  needs(entry, field, 'agreementKey', (v) => optional(v, text), 'an agreement key');
  needs(entry, field, 'category', oneOf(InterventionCategory), `one of ${Object.values(InterventionCategory).join(', ')}`);
  needs(entry, field, 'kind', (v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(v), 'an UPPER_SNAKE code');
  needs(entry, field, 'title', text, 'a title');
  needs(entry, field, 'location', place, 'a place: { point }, { line } or { center, radiusM }');
  needs(entry, field, 'startsAt', instant, 'an ISO 8601 moment with its offset');
  needs(entry, field, 'endsAt', (v) => optional(v, instant), 'an ISO 8601 moment with its offset');
  needs(entry, field, 'sensitivity', oneOf(Sensitivity), `one of ${Object.values(Sensitivity).join(', ')}`);
  needs(entry, field, 'source', text, 'the seed file it comes from');
};
