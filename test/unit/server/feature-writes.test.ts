import { Crs } from '../../../db/spatial/crs';
import { planCreate, planDelete, planUpdate, readFeatureBody } from '../../../server/routes/ogc/feature-writes';
import { SeenVersions } from '../../../server/routes/ogc/seen-versions';

const ID = '6f1c2a4e-2b1d-4c55-9e0f-1a2b3c4d5e6f';
const point = { type: 'Point', coordinates: [18.0636, 59.3323] };

describe('readFeatureBody', () => {
  it('puts the axes of a northing-first Content-Crs in x,y order, in nested rings too', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [6_580_000, 674_000],
          [6_580_000, 674_100],
          [6_580_100, 674_100],
          [6_580_000, 674_000],
        ],
      ],
    };
    const body = readFeatureBody({ type: 'Feature', geometry: polygon, properties: {} }, 'create', true);
    expect((body.geometry as { coordinates: number[][][] }).coordinates[0]![1]).toEqual([674_100, 6_580_000]);
  });

  it('refuses a body that is not a Feature for POST and PUT, but takes a bare merge patch for PATCH', () => {
    expect(() => readFeatureBody({ properties: {} }, 'replace', false)).toThrow(/GeoJSON Feature, got type undefined/);
    expect(readFeatureBody({ properties: { title: 'x' } }, 'merge', false).properties).toEqual({ title: 'x' });
  });
});

describe('planCreate', () => {
  it('makes the agreement’s creator party to it unless parties are named', () => {
    const plan = planCreate(
      'agreements',
      { geometry: point, properties: { kind: 'OTHER', title: 'T', validFrom: '2025-01-01', version: null } },
      { crs: Crs.EPSG_3006 },
      'operator-1',
    );
    expect(plan.query).toContain('createAgreement(input: $i0)');
    expect(plan.variables.i0).toMatchObject({ parties: [{ operatorId: 'operator-1' }], crs: Crs.EPSG_3006, area: point });
    expect(plan.variables.i0).not.toHaveProperty('version');
    const named = planCreate(
      'agreements',
      { geometry: point, properties: { kind: 'OTHER', title: 'T', validFrom: '2025-01-01', parties: 'operator-2;operator-3' } },
      { crs: Crs.EPSG_4326 },
      'operator-1',
    );
    expect(named.variables.i0).toMatchObject({ parties: [{ operatorId: 'operator-2' }, { operatorId: 'operator-3' }] });
  });

  it('refuses parties on a change of an agreement, naming the mutation that adds one', () => {
    expect(() =>
      planUpdate('agreements', ID, { geometry: undefined, properties: { parties: ['operator-2'] } }, 'merge', { crs: Crs.EPSG_4326 }),
    ).toThrow(/addAgreementParty/);
  });
});

describe('planUpdate', () => {
  const scene = { name: 'Plattan', municipality: 'Stockholm' };

  it('PUT clears the optional properties the feature shows and leaves the written-only ones alone', () => {
    const plan = planUpdate(
      'interventions',
      ID,
      {
        geometry: point,
        properties: {
          title: 'T',
          category: 'FORMAL_CONTROL',
          kind: 'CLEANING',
          sceneId: ID,
          startsAt: '2025-01-01T00:00:00Z',
          sensitivity: 'OPEN',
        },
      },
      'replace',
      { crs: Crs.EPSG_4326, expectedVersion: 4 },
    );
    expect(plan.variables.i0).toMatchObject({
      id: ID,
      endsAt: null,
      agreementId: null,
      recurrence: null,
      expectedVersion: 4,
      location: point,
    });
    expect(plan.variables.i0).not.toHaveProperty('description');
    expect(plan.variables.i0).not.toHaveProperty('operatorIds');
  });

  it('PATCH sends only what is given, a null clearing it; a required property cannot be cleared', () => {
    const plan = planUpdate('interventions', ID, { geometry: undefined, properties: { endsAt: null } }, 'merge', {
      crs: Crs.EPSG_4326,
      expectedVersion: 2,
    });
    expect(plan.variables.i0).toEqual({ id: ID, endsAt: null, crs: Crs.EPSG_4326, expectedVersion: 2 });
    expect(() =>
      planUpdate('interventions', ID, { geometry: undefined, properties: { title: null } }, 'merge', { crs: Crs.EPSG_4326 }),
    ).toThrow(/title is required and cannot be cleared/);
  });

  it('moves a scene’s status through changeSceneStatus first, then updates the rest, in one operation', () => {
    const plan = planUpdate(
      'scenes',
      ID,
      { geometry: point, properties: { ...scene, status: 'ACTIVE', reason: 'Lägesbild', statAreas: '101 025; 101 026' } },
      'replace',
      { crs: Crs.EPSG_4326, expectedVersion: 3, currentStatus: 'EMERGING' },
    );
    expect(plan.query).toMatch(/w0: changeSceneStatus\(input: \$i0\).*w1: updateScene\(input: \$i1\)/);
    expect(plan.variables.i0).toEqual({ sceneId: ID, status: 'ACTIVE', reason: 'Lägesbild', expectedVersion: 3 });
    expect(plan.variables.i1).toMatchObject({ statAreas: ['101 025', '101 026'], district: null });
    expect(plan.variables.i1).not.toHaveProperty('expectedVersion');
  });

  it('leaves the status alone when it is the scene’s own, and refuses a change without a reason', () => {
    const same = planUpdate('scenes', ID, { geometry: undefined, properties: { status: 'ACTIVE' } }, 'merge', {
      crs: Crs.EPSG_4326,
      expectedVersion: 1,
      currentStatus: 'ACTIVE',
    });
    expect(same.query).not.toContain('changeSceneStatus');
    expect(() =>
      planUpdate('scenes', ID, { geometry: undefined, properties: { status: 'CLOSED' } }, 'merge', {
        crs: Crs.EPSG_4326,
        currentStatus: 'ACTIVE',
      }),
    ).toThrow(/from ACTIVE to CLOSED needs a reason/);
  });
});

describe('planDelete', () => {
  it('archives a scene, deletes an intervention, and has nothing for an agreement', () => {
    expect(planDelete('scenes', ID, 1)!.query).toContain('archiveScene');
    expect(planDelete('interventions', ID, 1)!.query).toContain('deleteIntervention');
    expect(planDelete('agreements', ID, 1)).toBeNull();
  });
});

describe('SeenVersions', () => {
  it('keeps the latest version per user and feature, and forgets the least recently served beyond its size', () => {
    const seen = new SeenVersions(2);
    seen.saw('a', 'interventions', '1', 1);
    seen.saw('a', 'interventions', '2', 1);
    seen.saw('a', 'interventions', '1', 3); // served again: now the most recent
    seen.saw('b', 'interventions', '1', 3);
    expect(seen.lastSeen('a', 'interventions', '1')).toBe(3);
    expect(seen.lastSeen('a', 'interventions', '2')).toBeUndefined();
    expect(seen.lastSeen('b', 'interventions', '1')).toBe(3);
    expect(seen.lastSeen('b', 'scenes', '1')).toBeUndefined();
  });
});
