import { describeChange } from '../../schema/shared/change-moment';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ref } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AgreementPartyStatus } from '../../schema/agreement/agreement-kind';
import { AgreementParty } from '../../schema/agreement/agreement-party.entity';
import { AgreementScene } from '../../schema/agreement/agreement-scene.entity';
import { Agreement } from '../../schema/agreement/agreement.entity';
import { Commitment } from '../../schema/agreement/commitment.entity';
import { InterventionOperator } from '../../schema/intervention/intervention-operator.entity';
import { Intervention } from '../../schema/intervention/intervention.entity';
import { Operator } from '../../schema/operator/operator.entity';
import { SceneStatus } from '../../schema/scene/scene-status';
import { SceneStatusChange } from '../../schema/scene/scene-status-change.entity';
import { Scene } from '../../schema/scene/scene.entity';
import type { MultiPolygon } from '../spatial/geojson';
import { loadIndicators } from './indicators.seeder';
import { loadDemoPartners } from './demo-partners';
import { demoPlaceGeometry } from '../spatial/demo-places';
import { geometryParam } from '../spatial/geometry-input';
import { SqlWriter } from '../sql-writer';
import { BACKFILL_FROM_HISTORY } from '../migrations/Migration20261202010000SceneVersions';
import { SUPERSEDED_FROM_NEXT } from '../migrations/Migration20261202030000VersionReadIndexes';

/**
 * The demo data: scenes.json and the indicators, copies of shared/data (so a clone of this
 * repository seeds on its own; a test keeps them equal), and the partners' JSON files (demo-partners.ts).
 */
export const DEMO_DATA_DIR = join(__dirname, 'data');

interface DemoScene {
  key: string;
  name: string;
  municipality: string;
  district?: string;
  policeArea?: string;
  statArea?: string;
  center: [number, number];
  radiusM: number;
  history: Array<{ status: SceneStatus; at: string | null; note?: string }>;
  source: string;
  note?: string;
}

export interface SeedSummary {
  operators: number;
  scenes: number;
  agreements: number;
  interventions: number;
  indicators: number;
}

/** Loads the demo data unless the database already has scenes or operators; returns what it loaded, or null. */
export async function seedDemoDataIfEmpty(orm: MikroORM): Promise<SeedSummary | null> {
  const em = orm.em.fork();
  const [row] = await em.execute<Array<{ n: number }>>('select (select count(*) from scene) + (select count(*) from operator) as n');
  if (Number(row!.n) > 0) return null;
  return em.transactional((tx) => seedDemoData(tx));
}

/**
 * Writes the 16 scenes of scenes.json (demo polygons buffered around their centres, status
 * histories as the sources give them) and the operators, agreements and interventions of
 * operators.json, agreements.json and interventions.json (checked by demo-partners.ts). Histories are imported as recorded, not replayed through the
 * transition table: the 2023 closures went ACTIVE → CLOSED directly in the police's report.
 */
export async function seedDemoData(em: EntityManager): Promise<SeedSummary> {
  const scenesJson = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'scenes.json'), 'utf8')) as { scenes: DemoScene[] };
  const { operators: demoOperators, agreements: demoAgreements, interventions: demoInterventions } = loadDemoPartners(DEMO_DATA_DIR);
  const operators = new Map<string, Operator>();
  for (const demo of demoOperators) {
    const operator = new Operator(demo.name, demo.kind);
    operator.municipality = demo.municipality ?? null;
    if (demo.parentKey) operator.parent = ref(lookup(operators, demo.parentKey, 'operator'));
    operators.set(demo.key, operator);
    em.persist(operator);
  }

  const scenes = new Map<string, Scene>();
  for (const demo of scenesJson.scenes) {
    const scene = await createScene(em, demo);
    scenes.set(demo.key, scene);
  }

  const agreements = new Map<string, Agreement>();
  for (const demo of demoAgreements) {
    const agreement = new Agreement(demo.kind, demo.title, demo.validFrom);
    agreement.description = withSource(demo.description, demo.source);
    agreement.validTo = demo.validTo ?? null;
    if (demo.area) agreement.area = (await demoPlaceGeometry(em, demo.area, true)) as MultiPolygon;
    em.persist(agreement);
    demo.sceneKeys.forEach((key) => em.persist(new AgreementScene(ref(agreement), ref(lookup(scenes, key, 'scene')))));
    // The sources document these agreements as made by all their parties: accepted.
    demo.parties.forEach((party) =>
      em.persist(
        new AgreementParty(
          ref(agreement),
          ref(lookup(operators, party.operatorKey, 'operator')),
          party.role,
          AgreementPartyStatus.ACCEPTED,
        ),
      ),
    );
    (demo.commitments ?? []).forEach((c, index) => {
      const commitment = new Commitment(ref(agreement), index + 1, c.description);
      commitment.dueDate = c.dueDate ?? null;
      commitment.status = c.status;
      em.persist(commitment);
    });
    agreements.set(demo.key, agreement);
  }

  for (const demo of demoInterventions) {
    const intervention = new Intervention({
      scene: ref(lookup(scenes, demo.sceneKey, 'scene')),
      owner: ref(lookup(operators, demo.ownerKey, 'operator')),
      category: demo.category,
      kind: demo.kind,
      title: demo.title,
      location: await demoPlaceGeometry(em, demo.location, false),
      startsAt: new Date(demo.startsAt),
    });
    intervention.description = withSource(demo.description, demo.source);
    intervention.endsAt = demo.endsAt ? new Date(demo.endsAt) : null;
    intervention.recurrence = demo.recurrence ?? null;
    intervention.sensitivity = demo.sensitivity;
    if (demo.agreementKey) intervention.agreement = ref(lookup(agreements, demo.agreementKey, 'agreement'));
    em.persist(intervention);
    (demo.operatorKeys ?? [])
      .filter((key) => key !== demo.ownerKey)
      .forEach((key) => em.persist(new InterventionOperator(ref(intervention), ref(lookup(operators, key, 'operator')))));
  }
  await em.flush();
  await alignSceneVersions(em);
  await seedSceneVersions(em, scenes, scenesJson.scenes);
  const indicators = await loadIndicators(em, join(DEMO_DATA_DIR, 'indicators-2017-2019.csv'));
  return {
    operators: operators.size,
    scenes: scenes.size,
    agreements: agreements.size,
    interventions: demoInterventions.length,
    indicators,
  };
}

// Private:

async function createScene(em: EntityManager, demo: DemoScene): Promise<Scene> {
  const area = (await demoPlaceGeometry(em, { center: demo.center, radiusM: demo.radiusM }, true)) as MultiPolygon;
  const scene = new Scene(demo.name, demo.municipality, area);
  scene.district = demo.district ?? null;
  scene.policeArea = demo.policeArea ?? null;
  scene.statAreas = demo.statArea ? [demo.statArea] : [];
  scene.problemProfile.description = demo.note ?? null;
  const last = demo.history[demo.history.length - 1]!;
  scene.status = last.status;
  scene.statusSince = last.at ? new Date(`${last.at}T00:00:00+01:00`) : null;
  em.persist(scene);
  demo.history.forEach((entry, index) => {
    const from = index === 0 ? null : demo.history[index - 1]!.status;
    const change = new SceneStatusChange(ref(scene), index + 1, from, entry.status, entry.note ?? `As recorded in ${demo.source}`);
    change.changedAt = entry.at ? new Date(`${entry.at}T00:00:00+01:00`) : null;
    change.changedBy = 'demo-seed';
    change.situationNote = `Source: ${demo.source}`;
    em.persist(change);
  });
  return scene;
}

/**
 * Sets each scene's version to the number of its history rows, as if each had been a
 * changeSceneStatus, so the next change (version + 1) gets the next free history number.
 * In SQL after the flush: MikroORM writes 1 into a new row's version column, whatever the entity says.
 */
async function alignSceneVersions(em: EntityManager): Promise<void> {
  await em.execute(
    `update scene s set version = h.last from (select scene_id, max(scene_version) as last from scene_status_change group by scene_id) h
      where h.scene_id = s.id and s.version <> h.last`,
  );
}

/** A dated change of a demo scene's area (scene-areas.json). */
interface DemoAreaChange {
  sceneKey: string;
  at: string;
  radiusM: number;
}

/**
 * The demo scenes' versions: first from their status histories as the sources date them (the
 * versions the INSERTs made carry today's date), then the area changes of scene-areas.json, each
 * an update dated as the file says, through the version trigger as any change goes.
 * @throws Error for a change naming an unknown scene, a bad date or radius, or dates out of order
 */
async function seedSceneVersions(em: EntityManager, scenes: Map<string, Scene>, demoScenes: DemoScene[]): Promise<void> {
  const { changes } = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'scene-areas.json'), 'utf8')) as { changes: DemoAreaChange[] };
  await em.transactional(async (tx) => {
    await tx.execute(`delete from scene_version where id = any(array[?]::uuid[])`, [[...scenes.values()].map((scene) => scene.id)]);
    for (const statement of BACKFILL_FROM_HISTORY) await tx.execute(statement);
    await tx.execute(SUPERSEDED_FROM_NEXT('scene_version'));
    for (const change of changes) {
      const scene = lookup(scenes, change.sceneKey, 'scene');
      const at = new Date(`${change.at}T00:00:00+01:00`);
      if (Number.isNaN(at.getTime()) || !(change.radiusM > 0)) throw new Error(`Bad demo area change ${JSON.stringify(change)}`);
      const { center } = demoScenes.find((demo) => demo.key === change.sceneKey)!;
      const area = await demoPlaceGeometry(tx, { center, radiusM: change.radiusM }, true);
      await describeChange(tx, at, 'demo-seed');
      const w = new SqlWriter('positional');
      await tx.execute(`update scene set area = ${geometryParam(area, w)}, version = version + 1, updated_at = ? where id = ?`, [
        ...w.values,
        at,
        scene.id,
      ] as never);
    }
  });
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (!value) throw new Error(`Demo data refers to unknown ${what} "${key}"`);
  return value;
}

function withSource(description: string | undefined, source: string): string {
  return description ? `${description} (source: ${source})` : `Source: ${source}`;
}
