import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { labelClashes, measureList, measureMap, openBoard } from '../../support/board-page';
import { launchChromium } from '../../support/browser';
import { demoScenes } from '../../support/demo-scenes';
import { createActors, createScene, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * The board with more scenes than a wall screen has room for: the 16 demo scenes and 34 more
 * (30 closed, 4 under monitoring) spread over the region. A wall screen cannot scroll, so the list
 * shows the most urgent scenes and says how many more there are; the map keeps every open scene's
 * name and leaves out closed names it has no room for.
 */
const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');
const URGENCY = ['ACTIVE', 'EMERGING', 'MONITORING', 'CLOSED'];
/** Scenes under monitoring that each screen closes while it watches: last in the list's order once closed. */
const SCREENS = [
  { width: 1920, height: 1080, closes: 'Östberga testplats' },
  { width: 1280, height: 720, closes: 'Östermalm testplats' },
];

let server: TestServer;
let actors: Actors;
let browser: Browser;
/** Scene id → name and status as created. */
const created = new Map<string, { name: string; status: string }>();

async function addScene(name: string, center: number[], radiusM: number, status: string, municipality = 'Stockholm') {
  const area = turf.circle(center, radiusM / 1000, { steps: 24, units: 'kilometers' }).geometry;
  const scene = await createScene(server, actors.adminToken, { name, municipality, area, status });
  created.set(scene.id, { name, status });
}

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  for (const demo of demoScenes as Array<(typeof demoScenes)[number] & { municipality: string; status: string }>)
    await addScene(demo.name, demo.center, demo.radiusM, demo.status, demo.municipality);
  // 30 closed scenes on a 6 × 5 grid over the region, then the monitored ones between them.
  for (let i = 0; i < 30; i++)
    await addScene(`Testplats ${String(i + 1).padStart(2, '0')}`, [17.75 + (i % 6) * 0.1, 59.2 + Math.floor(i / 6) * 0.06], 150, 'CLOSED');
  await addScene('Östberga testplats', [18.03, 59.28], 150, 'MONITORING');
  await addScene('Östermalm testplats', [18.09, 59.34], 150, 'MONITORING');
  await addScene('Farsta testplats', [18.09, 59.24], 150, 'MONITORING');
  await addScene('Solna testplats', [18.0, 59.36], 150, 'MONITORING', 'Solna');
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

const openCount = () => [...created.values()].filter((scene) => scene.status !== 'CLOSED').length;

describe.each(SCREENS)('at $width×$height', ({ width, height, closes }) => {
  let page: Page;

  beforeAll(async () => {
    const boardUrl = server.url.replace('/graphql', '/board');
    page = await openBoard(browser, boardUrl, actors.editorToken, { width, height, kiosk: false, labels: openCount() });
  }, 30_000);

  afterAll(async () => {
    await page?.close();
  });

  it('lists the most urgent scenes that fit on the screen, and how many more there are of which status', async () => {
    await page.screenshot({ path: join(ARTIFACTS, `board-crowded-${width}x${height}.png`) });
    const { rows, more } = await measureList(page);
    expect(created.size).toBe(50);
    expect(more).not.toBeNull();
    expect(rows.length + more!.count).toBe(created.size);
    expect(rows.length).toBeGreaterThanOrEqual(openCount()); // every open scene fits on both screens
    for (const { box } of [...rows, more!]) expect(box.bottom).toBeLessThanOrEqual(height);

    // Most urgent first, by name within a status; the hidden ones are the list's tail.
    const expected = [...created]
      .map(([id, scene]) => ({ id, ...scene }))
      .sort((a, b) => URGENCY.indexOf(a.status) - URGENCY.indexOf(b.status) || a.name.localeCompare(b.name, 'sv'));
    expect(rows.map((row) => row.sceneId)).toEqual(expected.slice(0, rows.length).map((scene) => scene.id));
    const hidden = expected.slice(rows.length);
    expect(hidden.every((scene) => scene.status === 'CLOSED')).toBe(true);
    expect(more!.text).toBe(`+ ${hidden.length} more on the map: ${hidden.length} CLOSED`);
  });

  it('names every open scene on the map with no two names overlapping, leaving out closed names it has no room for', async () => {
    const { labels, markers } = await measureMap(page);
    expect(markers).toHaveLength(created.size);
    const open = [...created].filter(([, scene]) => scene.status !== 'CLOSED').map(([id]) => id);
    expect(
      labels
        .filter((label) => label.status !== 'CLOSED')
        .map((label) => label.sceneId)
        .sort(),
    ).toEqual(open.sort());
    expect(labelClashes(labels)).toEqual([]);
    expect(await page.locator('#map .label[data-overlaps]').count()).toBe(0);
  });

  it('keeps a changed scene’s row on the screen while it is highlighted, even where its new status would not fit', async () => {
    const [sceneId] = [...created].find(([, scene]) => scene.name === closes)!;
    const { scene } = expectData(await server.gql('query($id: ID!) { scene(id: $id) { version } }', { id: sceneId }, actors.adminToken));
    expectData(
      await server.gql(
        'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
        { input: { sceneId, status: 'CLOSED', expectedVersion: scene.version, reason: 'crowded board test' } },
        actors.adminToken,
      ),
    );
    created.set(sceneId, { name: closes, status: 'CLOSED' });
    await page.waitForSelector(`#scenes tr[data-scene-id="${sceneId}"][data-status="CLOSED"][data-highlight="true"]`, { timeout: 2_000 });
    await page.screenshot({ path: join(ARTIFACTS, `board-crowded-${width}x${height}-change.png`) });
    const { rows, more } = await measureList(page);
    const row = rows.find((candidate) => candidate.sceneId === sceneId)!;
    expect(row.box.bottom).toBeLessThanOrEqual(height);
    // "Ö" sorts last in Swedish: without the highlight this row would be the first to give way.
    expect(rows.at(-1)!.sceneId).toBe(sceneId);
    expect(rows.length + more!.count).toBe(created.size);
    expect(more!.box.bottom).toBeLessThanOrEqual(height);
  });
});
