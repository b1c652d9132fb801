import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATA_DIR } from '../../../db/seeders/demo.seeder';
import { demoAgreements, demoInterventions, demoOperators } from '../../../db/seeders/demo-partners.data';

const SHARED_DATA = join(__dirname, '..', '..', '..', '..', 'shared', 'data');

describe('the demo data', () => {
  const scenes = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'scenes.json'), 'utf8')).scenes as Array<{ key: string }>;

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
});
