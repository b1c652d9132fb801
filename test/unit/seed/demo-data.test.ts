import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATA_DIR } from '../../../db/seeders/demo.seeder';
import { checkDemoPartners, loadDemoPartners } from '../../../db/seeders/demo-partners';

const SHARED_DATA = join(__dirname, '..', '..', '..', '..', 'shared', 'data');

describe('the demo data', () => {
  const scenes = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'scenes.json'), 'utf8')).scenes as Array<{ key: string }>;
  const { operators: demoOperators, agreements: demoAgreements, interventions: demoInterventions } = loadDemoPartners(DEMO_DATA_DIR);

  it('keeps the vendored copy equal to shared/data (checked where shared/ sits beside the repository, as in CI)', () => {
    if (!existsSync(SHARED_DATA)) {
      expect(scenes.length).toBeGreaterThan(0);
      return;
    }
    for (const file of ['scenes.json', 'indicators-2017-2019.csv']) {
      expect(readFileSync(join(DEMO_DATA_DIR, file), 'utf8')).toBe(readFileSync(join(SHARED_DATA, file), 'utf8'));
    }
  });

  it('has the 16 scenes of the seeds', () => {
    expect(scenes).toHaveLength(16);
  });

  it('refers only to keys that exist', () => {
    const sceneKeys = new Set(scenes.map((s) => s.key));
    const operatorKeys = new Set(demoOperators.map((o) => o.key));
    const agreementKeys = new Set(demoAgreements.map((a) => a.key));
    const dangling = [
      ...demoOperators.filter((o) => o.parentKey && !operatorKeys.has(o.parentKey)).map((o) => `operator ${o.key} → ${o.parentKey}`),
      ...demoAgreements.flatMap((a) =>
        [...a.sceneKeys.filter((k) => !sceneKeys.has(k)), ...a.parties.map((p) => p.operatorKey).filter((k) => !operatorKeys.has(k))].map(
          (k) => `agreement ${a.key} → ${k}`,
        ),
      ),
      ...demoInterventions.flatMap((i) =>
        [i.sceneKey]
          .filter((k) => !sceneKeys.has(k))
          .concat(
            [i.ownerKey, ...(i.operatorKeys ?? [])].filter((k) => !operatorKeys.has(k)),
            i.agreementKey && !agreementKeys.has(i.agreementKey) ? [i.agreementKey] : [],
          )
          .map((k) => `intervention ${i.key} → ${k}`),
      ),
    ];
    expect(dangling).toEqual([]);
  });

  it('has the Järfälla citizen promise 2019–2020 with its nine commitments', () => {
    const promise = demoAgreements.find((a) => a.kind === 'CITIZEN_PROMISE' && a.sceneKeys.includes('jakobsberg'));
    expect(promise).toMatchObject({ validFrom: '2019-01-01', validTo: '2020-12-31' });
    expect(promise?.commitments).toHaveLength(9);
  });

  it('has the three guard mandates of Hässelby-Vällingby', () => {
    expect(demoAgreements.filter((a) => a.kind === 'GUARD_MANDATE')).toHaveLength(3);
  });

  it('reads the partners from JSON checked against the domain’s enums, naming the file, entry and field of a fault', () => {
    const operators = { file: 'operators.json', entries: demoOperators };
    const agreements = { file: 'agreements.json', entries: demoAgreements };
    const interventions = { file: 'interventions.json', entries: demoInterventions };
    expect(checkDemoPartners(operators, agreements, interventions).operators).toHaveLength(demoOperators.length);
    const wrongKind = { ...operators, entries: [{ ...demoOperators[0], kind: 'POLIS' }] };
    expect(() => checkDemoPartners(wrongKind, agreements, interventions)).toThrow(
      `operators.json, entry ${demoOperators[0]!.key}: kind must be one of POLICE, MUNICIPALITY`,
    );
    const badDay = { ...agreements, entries: [{ ...demoAgreements[0], validFrom: '2019-13-01' }] };
    expect(() => checkDemoPartners(operators, badDay, interventions)).toThrow(
      /agreements.json, entry .*: validFrom must be a day YYYY-MM-DD, got "2019-13-01"/,
    );
    const noOffset = { ...interventions, entries: [{ ...demoInterventions[0], startsAt: '2019-06-01T18:00:00' }] };
    expect(() => checkDemoPartners(operators, agreements, noOffset)).toThrow(
      /interventions.json, entry .*: startsAt must be an ISO 8601 moment with its offset/,
    );
    const notAList = { file: 'interventions.json', entries: { key: 'x' } };
    expect(() => checkDemoPartners(operators, agreements, notAList)).toThrow('interventions.json: expected a list of entries');
  });
});
