/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { inside, intersects, labelClashes, measureMap, openBoard } from '../../support/board-page';
import { launchChromium } from '../../support/browser';
import { demoScenes } from '../../support/demo-scenes';
import { createActors, createScene, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * The board as a wall screen shows it, with the 16 demo scenes, in Chromium at 1920×1080 (the
 * screen read from three metres) and 1280×720. Screenshots go to test/artifacts/ (git-ignored) for
 * a person to look at; the assertions measure the page itself.
 */
const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');
const SCREENS = [
  { width: 1920, height: 1080, minLabelPx: 22 },
  { width: 1280, height: 720, minLabelPx: 16 },
];

let server: TestServer;
let actors: Actors;
let browser: Browser;
/** Demo scene name → id. */
const idOf = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await createTestServer();
  actors = await createActors(server);
  for (const demo of demoScenes as Array<(typeof demoScenes)[number] & { municipality: string; status: string }>) {
    const area = turf.circle(demo.center, demo.radiusM / 1000, { steps: 32, units: 'kilometers' }).geometry;
    const scene = await createScene(server, actors.adminToken, {
      name: demo.name,
      municipality: demo.municipality,
      area,
      status: demo.status,
    });
    idOf.set(demo.name, scene.id);
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const openDemoBoard = (width: number, height: number, { kiosk }: { kiosk: boolean }) =>
  openBoard(browser, server.url.replace('/graphql', '/board'), actors.editorToken, { width, height, kiosk, labels: 16 });

async function statusesFromApi(): Promise<Map<string, { status: string; version: number; name: string }>> {
  const { scenes } = expectData(
    await server.gql('{ scenes(first: 100) { edges { node { id name status version } } } }', {}, actors.editorToken),
  );
  return new Map(scenes.edges.map(({ node }: any) => [node.id, node]));
}

describe.each(SCREENS)('at $width×$height', ({ width, height, minLabelPx }) => {
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `board-${width}x${height}${name}.png`) });

  beforeAll(async () => {
    page = await openDemoBoard(width, height, { kiosk: true });
  }, 30_000);

  afterAll(async () => {
    await page?.close();
  });

  it('shows every scene’s name on the map, inside it, large, with no two names or a name and a marker overlapping', async () => {
    await shot('');
    const { map, labels, markers } = await measureMap(page);
    expect(labels.map((label) => label.sceneId).sort()).toEqual([...idOf.values()].sort());
    const nameOf = new Map([...idOf].map(([name, id]) => [id, name]));
    for (const label of labels) {
      expect(nameOf.get(label.sceneId)!.startsWith(label.text)).toBe(true);
      expect(label.text.length).toBeGreaterThanOrEqual(5);
      expect(label.box.width).toBeGreaterThan(0);
      expect(label.box.height).toBeGreaterThanOrEqual(minLabelPx * 0.9);
      expect(label.fontSize).toBeGreaterThanOrEqual(minLabelPx);
      expect(inside(label.box, map)).toBe(true);
      expect(inside(label.box, { left: 0, top: 0, right: width, bottom: height, width, height })).toBe(true);
    }
    expect(labelClashes(labels)).toEqual([]);
    const onMarkers = labels.flatMap((label) =>
      markers.filter((marker) => marker.sceneId !== label.sceneId && intersects(label.box, marker.box)).map(() => label.text),
    );
    expect(onMarkers).toEqual([]);
    expect(await page.locator('#map .label[data-overlaps]').count()).toBe(0);
  });

  it('shows the counts per status that the API gives, and how long ago the last change was', async () => {
    const byStatus: Record<string, number> = { ACTIVE: 0, EMERGING: 0, MONITORING: 0, CLOSED: 0 };
    for (const { status } of (await statusesFromApi()).values()) byStatus[status]! += 1;
    const shown = await page
      .locator('#counts .count')
      .evaluateAll((tiles) =>
        Object.fromEntries(tiles.map((tile) => [(tile as HTMLElement).dataset.status, Number(tile.querySelector('.number')!.textContent)])),
      );
    expect(shown).toEqual(byStatus);
    expect(await page.locator('#last-change').textContent()).toMatch(
      /^Last change (just now|\d+ (years?|months?|days?|hours?|minutes?|seconds?) ago): /,
    );
  });

  it('tells the statuses apart by shape as well as colour, and uses no green', async () => {
    const looks = await page.locator('#counts .count .marker').evaluateAll((paths) =>
      paths.map((path) => {
        const style = getComputedStyle(path);
        return { d: path.getAttribute('d'), fill: style.fill, stroke: style.stroke };
      }),
    );
    expect(looks).toHaveLength(4);
    expect(new Set(looks.map((look) => `${look.d} ${look.fill}`)).size).toBe(4);
    expect(new Set(looks.map((look) => look.d)).size).toBeGreaterThanOrEqual(3); // disc, triangle, square; CLOSED is the disc hollow
    for (const colour of looks.flatMap((look) => [look.fill, look.stroke])) {
      const [r, g, b] = colour.match(/\d+/g)!.map(Number);
      expect(g! > r! && g! > b!).toBe(false);
    }
  });

  it('highlights a status change made through the API within 2 s: banner, list row, pulsing ring and count', async () => {
    const sergelsId = idOf.get('Sergels torg')!;
    const before = (await statusesFromApi()).get(sergelsId)!;
    const to = before.status === 'ACTIVE' ? 'MONITORING' : 'ACTIVE';
    const started = Date.now();
    expectData(
      await server.gql(
        'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
        { input: { sceneId: sergelsId, status: to, expectedVersion: before.version, reason: 'board screen test' } },
        actors.adminToken,
      ),
    );
    const banner = page.locator(`#banners .banner[data-highlight="true"][data-scene-id="${sergelsId}"]`);
    await banner.waitFor({ state: 'visible', timeout: 2_000 });
    await page.waitForSelector(`#scenes tr[data-scene-id="${sergelsId}"][data-status="${to}"][data-highlight="true"]`, { timeout: 2_000 });
    await page.waitForSelector(`#map .pulse[data-highlight="true"][data-scene-id="${sergelsId}"]`, { timeout: 2_000 });
    await page.waitForSelector(`#counts .count[data-status="${to}"][data-highlight="true"]`, { timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await banner.textContent()).toBe(`Sergels torg: ${before.status} → ${to}`);
    expect(await page.locator('#last-change').textContent()).toMatch(/^Last change (just now|\d+ seconds? ago): Sergels torg → /);
    await shot('-change');
    const { labels } = await measureMap(page);
    expect(labelClashes(labels)).toEqual([]);
  });

  it('keeps the token out of the address and, in kiosk mode, stays signed in with the cursor hidden across a reload', async () => {
    expect(page.url()).not.toContain(actors.editorToken);
    await page.reload();
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 15_000 });
    expect(page.url()).not.toContain(actors.editorToken);
    expect(await page.locator('#login').isVisible()).toBe(false);
    expect(await page.locator('body').getAttribute('data-kiosk')).toBe('on');
    expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
    expect(await page.locator('#sign-out').isVisible()).toBe(false);
    expect(await page.evaluate(() => [localStorage.getItem('board-token') !== null, sessionStorage.getItem('board-token')])).toEqual([
      true,
      null,
    ]);
  });
});

it('signs out of a kiosk screen: a key press shows the button, which forgets the token there', async () => {
  const page = await openDemoBoard(1280, 720, { kiosk: true });
  await page.keyboard.press('Shift');
  await page.click('#sign-out', { timeout: 2_000 });
  await page.waitForSelector('#login:not([hidden])', { timeout: 2_000 });
  expect(await page.locator('#login-reason').textContent()).toBe('Signed out.');
  expect(await page.locator('#connection').getAttribute('data-state')).toBe('signed out');
  expect(await page.evaluate(() => [localStorage.getItem('board-token'), localStorage.getItem('board-kiosk')])).toEqual([null, null]);
  await page.reload();
  expect(await page.locator('#login').isVisible()).toBe(true);
  await page.close();
});

it('does not read a token put in the address: it removes it and asks through the form', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url.replace('/graphql', '/board')}#token=${actors.editorToken}`);
  await page.waitForSelector('#login:not([hidden])', { timeout: 5_000 });
  expect(page.url()).not.toContain(actors.editorToken);
  expect(await page.locator('#login-reason').textContent()).toBe('A token in the address is not read: type it here.');
  expect(await page.locator('#connection').getAttribute('data-state')).toBe('signed out');
  await page.close();
});
