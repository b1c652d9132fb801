import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { createActors, createScene, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readmeExamples } = require('../../../scripts/readme-examples') as { readmeExamples(markdown: string): Array<{ title: string }> };

/**
 * The GraphQL IDE at GET /graphql, in Debian's Chromium with every host but localhost made
 * unresolvable, as on a network that blocks CDNs: the page must load, introspect and run
 * queries and subscriptions with a token, and no request may leave localhost.
 */
let server: TestServer;
let actors: Actors;
let browser: Browser;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  await createScene(server, actors.adminToken, { name: 'Sergels torg', status: 'ACTIVE' });
  base = server.url.replace('/graphql', '');
  browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1']);
});

afterAll(async () => {
  await browser?.close();
});

async function openIde(fragment = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => console.log(`[ide] error: ${error.message}`));
  await page.goto(`${base}/graphql${fragment}`);
  await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
  return page;
}

/** Replaces the query editor's text, as typing would. */
async function setQuery(page: Page, query: string): Promise<void> {
  await page.evaluate((text) => {
    const page = globalThis as unknown as { document: { querySelector(selector: string): { CodeMirror: { setValue(v: string): void } } } };
    const editor = page.document.querySelector('.graphiql-query-editor .CodeMirror');
    editor.CodeMirror.setValue(text);
  }, query);
}

async function run(page: Page, expected: RegExp): Promise<string> {
  await page.click('.graphiql-execute-button');
  const result = page.locator('.result-window');
  await result.filter({ hasText: expected }).waitFor({ timeout: 15_000 });
  return result.innerText();
}

it('loads from the server alone, offers the README’s examples, and runs one with the token from the address', async () => {
  const page = await openIde(`#token=${actors.adminToken}`);
  expect(page.url()).toBe(`${base}/graphql`); // the token left the address bar at once
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const titles = readmeExamples(readme).map((example) => example.title);
  expect(titles.length).toBeGreaterThanOrEqual(10);
  const panel = page.locator('.ide-examples');
  for (const title of titles) await expect(panel.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(1);
  expect(await page.locator('.graphiql-editor-tool').innerText()).toContain(`Bearer ${actors.adminToken.slice(0, 24)}`);
  await panel.getByRole('button', { name: titles[0], exact: true }).click();
  const answer = await run(page, /"totalCount"/);
  expect(answer).toContain('Sergels torg');
  expect(answer).toContain('EPSG:3006');
  await page.close();
});

it('shows the schema’s documentation, read by standard introspection', async () => {
  const page = await openIde(`#token=${actors.adminToken}`);
  await page.click('[aria-label="Show Documentation Explorer"]');
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.getByText('nearestScenes', { exact: true }).first().waitFor({ timeout: 10_000 });
  await docs.getByText('sceneStatistics', { exact: true }).first().waitFor();
  await page.close();
});

it('asks for a token in the Headers tab when there is none, and shows the refusal', async () => {
  const page = await openIde();
  const headers = await page.locator('.graphiql-editor-tool').innerText();
  expect(headers).toContain('<paste the token npm start printed>');
  await setQuery(page, '{ scenes { totalCount } }');
  const answer = await run(page, /UNAUTHENTICATED/);
  expect(answer).toContain('Bearer <token>');
  await page.close();
});

it('runs a subscription over the WebSocket with the Authorization header as its token', async () => {
  const page = await openIde(`#token=${actors.adminToken}`);
  const scene = await createScene(server, actors.adminToken, { name: 'Watched from the IDE', status: 'ACTIVE' });
  await setQuery(page, `subscription { sceneStatusChanged(filter: { sceneIds: ["${scene.id}"] }) { to reason scene { name } } }`);
  await page.click('.graphiql-execute-button');
  await page.waitForTimeout(1_000); // subscribed
  expectData(
    await server.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { status } }',
      { input: { sceneId: scene.id, status: 'MONITORING', reason: 'Seen from the IDE', expectedVersion: scene.version } },
      actors.adminToken,
    ),
  );
  await page
    .locator('.result-window')
    .filter({ hasText: /Seen from the IDE/ })
    .waitFor({ timeout: 10_000 });
  expect(await page.locator('.result-window').innerText()).toContain('MONITORING');
  await page.close();
});

it('sent no request anywhere but this server', () => {
  expect(requested.length).toBeGreaterThan(10);
  const elsewhere = requested.filter(
    (url) => !url.startsWith(base) && !url.startsWith('data:') && !url.startsWith(base.replace('localhost', '127.0.0.1')),
  );
  expect(elsewhere).toEqual([]);
});

it('still answers API clients at GET /graphql with GraphQL, not the page', async () => {
  const response = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, {
    headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${actors.adminToken}`, 'apollo-require-preflight': '1' },
  });
  expect(response.headers.get('content-type')).toMatch(/json/);
  expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  const page = await fetch(server.url, { headers: { accept: 'text/html' } });
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(await page.text()).toContain('/graphql/ide/build/ide.js');
});
