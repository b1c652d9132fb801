import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { DEMO_DATA_DIR } from '../../db/seeders/demo.seeder';

/**
 * The demo scenes as the files give them (scenes.json, scene-areas.json), and their areas and
 * statuses at a moment worked out here with turf, never taken from the server.
 */
export interface DemoScene {
  key: string;
  name: string;
  center: [number, number];
  radiusM: number;
  history: Array<{ status: string; at: string | null }>;
}

export interface DemoAreaChange {
  sceneKey: string;
  at: string;
  radiusM: number;
}

export const demoScenes = (JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'scenes.json'), 'utf8')) as { scenes: DemoScene[] }).scenes;
export const demoAreaChanges = (JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'scene-areas.json'), 'utf8')) as { changes: DemoAreaChange[] })
  .changes;

/** A date of the demo files: midnight in Stockholm (winter time), as the seeder reads it. */
export const stockholmMidnight = (day: string) => new Date(`${day}T00:00:00+01:00`);

/** A demo polygon's area: a 32-gon buffered around the centre (quad_segs=8). */
export const circleArea = (center: [number, number], radiusM: number) =>
  turf.area(turf.circle(center, radiusM / 1000, { steps: 32, units: 'kilometers' }));

/** A demo scene's area at `at`: its last change by then (scene-areas.json), else its area now. */
export function demoAreaAt(scene: DemoScene, at: Date): number {
  const last = demoAreaChanges.filter((c) => c.sceneKey === scene.key && stockholmMidnight(c.at) <= at).at(-1);
  return circleArea(scene.center, last?.radiusM ?? scene.radiusM);
}

/** A demo scene's status at `at` from its history: an undated first entry holds from the start, an undated later one from now. */
export function demoStatusAt(scene: DemoScene, at: Date): string | undefined {
  return scene.history.filter((h, i) => (h.at ? stockholmMidnight(h.at) <= at : i === 0)).at(-1)?.status;
}
