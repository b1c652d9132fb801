/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { createActors, createScene, expectData, squareAround, type Actors } from '../../support/factories';
import { createTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/test-server';
import { Role } from '../../../schema/auth/role';
import { signToken } from '../../../schema/auth/token.service';

/** The status board in a real browser (Debian's Chromium driven by playwright-core). */
let server: TestServer;
let actors: Actors;
let browser: Browser;
let page: Page;
const ids: string[] = [];

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  for (const [i, centre] of (
    [
      [18.0636, 59.3323],
      [18.07, 59.315],
      [17.8433, 59.367],
    ] as Array<[number, number]>
  ).entries()) {
    ids.push(
      (
        await createScene(server, actors.adminToken, {
          name: `Board scene ${i}`,
          area: squareAround(centre, 200),
          status: i === 0 ? 'ACTIVE' : undefined,
        })
      ).id,
    );
  }
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (message) => console.log(`[board] ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console.log(`[board] error: ${error.message}`));
  await signIn(page, actors.editorToken);
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the board and types the token into its form: the one way in (never the address). */
async function signIn(board: Page, token: string) {
  await board.goto(server.url.replace('/graphql', '/board'));
  await board.fill('#token', token);
  await board.click('#login button[type="submit"]');
}

async function change(sceneId: string, status: string, expectedVersion: number, through = server) {
  expectData(
    await through.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
      { input: { sceneId, status, expectedVersion, reason: `board test ${status}` } },
      actors.adminToken,
    ),
  );
}

it('shows every scene on the map and in the list, coloured by status, and keeps the token out of the URL', async () => {
  await page.waitForSelector('#scenes tbody tr:nth-child(3)');
  expect(await page.locator('#scenes tbody tr').count()).toBe(3);
  expect(await page.locator('#map .area').count()).toBe(3);
  expect(await page.locator('#map .marker').count()).toBe(3);
  const labels = await page.locator('#map .label').evaluateAll((texts) => texts.map((text) => text.firstChild!.textContent).sort());
  expect(labels).toEqual(['Board scene 0', 'Board scene 1', 'Board scene 2']);
  expect(await page.locator(`#map .area[data-scene-id="${ids[0]}"]`).getAttribute('data-status')).toBe('ACTIVE');
  expect(await page.locator(`#map .marker[data-scene-id="${ids[0]}"]`).getAttribute('data-status')).toBe('ACTIVE');
  expect(page.url()).not.toContain(actors.editorToken);
});

it('shows a status change made through the API within 2 s', async () => {
  const started = Date.now();
  await change(ids[0]!, 'MONITORING', 1);
  await page.waitForSelector(`#scenes tr[data-scene-id="${ids[0]}"][data-status="MONITORING"]`, { timeout: 2_000 });
  await page.waitForSelector(`#map .marker[data-scene-id="${ids[0]}"][data-status="MONITORING"]`, { timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);
});

/** The list's rows as "id STATUS", sorted (the list itself is in order of urgency). */
function shownStatuses(): Promise<string[]> {
  return page
    .locator('#scenes tbody tr[data-scene-id]')
    .evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-scene-id')} ${row.getAttribute('data-status')}`).sort());
}

async function statusesFromApi(): Promise<string[]> {
  const { scenes } = expectData(await server.gql('{ scenes { edges { node { id status } } } }', {}, actors.editorToken));
  return scenes.edges.map((e: any) => `${e.node.id} ${e.node.status}`).sort();
}

it('catches up after a dropped connection with the changes it missed', async () => {
  server.app.ws.terminateAll();
  await change(ids[1]!, 'ACTIVE', 1);
  await change(ids[2]!, 'CLOSED', 1);
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 10_000 });
  await page.waitForSelector(`#scenes tr[data-scene-id="${ids[1]}"][data-status="ACTIVE"]`, { timeout: 5_000 });
  await page.waitForSelector(`#scenes tr[data-scene-id="${ids[2]}"][data-status="CLOSED"]`, { timeout: 5_000 });
  expect(await shownStatuses()).toEqual(await statusesFromApi());
});

it('shows exactly what the database says after the server restarts while changes are made elsewhere', async () => {
  const port = Number(new URL(server.url).port);
  const other = await createTestServer({ truncate: false }); // a second instance keeps taking writes
  await server.stop();
  await page.waitForSelector('#connection[data-state="reconnecting"]', { timeout: 5_000 });
  await change(ids[0]!, 'ACTIVE', 2, other);
  await change(ids[1]!, 'MONITORING', 2, other);
  server = await createTestServer({ truncate: false, port });
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 20_000 });
  await page.waitForSelector(`#scenes tr[data-scene-id="${ids[1]}"][data-status="MONITORING"]`, { timeout: 5_000 });
  const shown = await shownStatuses();
  expect(shown).toEqual(await statusesFromApi());
  expect(shown).toContain(`${ids[0]} ACTIVE`);
}, 40_000);

describe('a refused token', () => {
  async function openWith(token: string): Promise<Page> {
    const fresh = await browser.newPage();
    fresh.on('console', (message) => console.log(`[board] ${message.type()}: ${message.text()}`));
    fresh.on('pageerror', (error) => console.log(`[board] error: ${error.message}`));
    await signIn(fresh, token);
    return fresh;
  }

  it('asks for a new token instead of retrying one the server refuses', async () => {
    const board = await openWith('not-a-token');
    await board.waitForSelector('#connection[data-state="signed out"]', { timeout: 5_000 });
    expect(await board.locator('#login').isVisible()).toBe(true);
    expect(await board.locator('#login-reason').textContent()).toMatch(/^The token was refused: Invalid token/);
    expect(await board.evaluate(() => [sessionStorage.getItem('board-token'), localStorage.getItem('board-token')])).toEqual([null, null]);
    await board.close();
  });

  // 6 s: long enough to open the page and type the token on a busy machine, short enough to wait for.
  it('goes live with a short-lived token and asks for a new one when the server closes the socket at its expiry', async () => {
    // 6 s: long enough to open the page and type the token on a busy machine, short enough to wait out.
    const token = await signToken(
      { subject: 'wall-screen', operatorId: actors.editorOperatorId, role: Role.VIEWER, ttl: '6s' },
      TEST_JWT_SECRET,
    );
    const board = await openWith(token);
    await board.waitForSelector('#connection[data-state="live"]', { timeout: 5_000 });
    await board.waitForSelector('#connection[data-state="signed out"]', { timeout: 10_000 });
    expect(await board.locator('#login-reason').textContent()).toBe('The token was refused: Unauthorized: the token has expired');
    await board.close();
  });
});

it('sends the typed client’s board operations, as client-codegen/operations/board.graphql writes them', async () => {
  const served = await (await fetch(server.url.replace('/graphql', '/board/build/operations.js'))).text();
  const document = parse(readFileSync(join(__dirname, '..', '..', '..', 'client-codegen', 'operations', 'board.graphql'), 'utf8'));
  const names = document.definitions.map((definition) => (definition as OperationDefinitionNode).name!.value);
  expect(names).toEqual(['SceneStatusEventCursor', 'BoardScenes', 'SceneStatusChanged']);
  for (const definition of document.definitions) {
    expect(served).toContain(`export const ${(definition as OperationDefinitionNode).name!.value} = ${JSON.stringify(print(definition))};`);
  }
  const script = await (await fetch(server.url.replace('/graphql', '/board/board.js'))).text();
  expect(script).toContain("import { BoardScenes, SceneStatusChanged, SceneStatusEventCursor } from '/board/build/operations.js'");
  expect(script).not.toMatch(/`(query|subscription)[\s({]/);
});
