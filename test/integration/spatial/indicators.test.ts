import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEMO_DATA_DIR, seedDemoDataIfEmpty } from '../../../db/seeders/demo.seeder';
import { createActors, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** Scene.indicators over the demo data; expected figures are read straight from the CSV. */
const csv = parse(readFileSync(join(DEMO_DATA_DIR, 'indicators-2017-2019.csv'), 'utf8'), { columns: true }) as Array<
  Record<string, string>
>;
const figure = (statArea: string, name: string, year: number) =>
  Number(csv.find((r) => r.statArea === statArea && r.indicator === name && Number(r.year) === year)!.value);
const average = (name: string, year: number) =>
  Number(csv.find((r) => r.statArea === '' && r.indicator === name && Number(r.year) === year)!.value);

let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  await seedDemoDataIfEmpty(server.orm);
  actors = await createActors(server);
});

const QUERY = `query($name: String!, $names: [String!], $from: Int, $to: Int) {
  scenes(filter: { nameContains: $name }) { edges { node { name indicators(names: $names, fromYear: $from, toYear: $to) { name year value statArea municipalityAverage ratioToAverage } } } }
}`;

it('answers "narcotics offences at Sergels torg 2017–2019 against the average area" in one query', async () => {
  const { scenes } = expectData(
    await server.gql(QUERY, { name: 'Sergels', names: ['narcotics_total'], from: 2017, to: 2019 }, actors.editorToken),
  );
  const rows = scenes.edges[0].node.indicators;
  expect(rows).toEqual(
    [2017, 2018, 2019].map((year) => ({
      name: 'narcotics_total',
      year,
      value: figure('101 025', 'narcotics_total', year),
      statArea: '101 025',
      municipalityAverage: average('narcotics_total', year),
      ratioToAverage: expect.closeTo(figure('101 025', 'narcotics_total', year) / average('narcotics_total', year), 6),
    })),
  );
});

it('loads every CSV row and filters by year', async () => {
  expect(await server.count('indicator')).toBe(csv.length);
  const { scenes } = expectData(await server.gql(QUERY, { name: 'Hässelby torg', from: 2019, to: 2019 }, actors.editorToken));
  const rows = scenes.edges[0].node.indicators;
  const expected = csv.filter((r) => r.statArea === '225 012' && r.year === '2019');
  expect(rows).toHaveLength(expected.length);
  expect(rows.every((r: any) => r.year === 2019 && r.statArea === '225 012')).toBe(true);
});

it('gives a scene without a statistical area no indicators, and refuses toYear before fromYear', async () => {
  const { scenes } = expectData(await server.gql(QUERY, { name: 'Jakobsberg' }, actors.editorToken));
  expect(scenes.edges[0].node.indicators).toEqual([]);
  const response = await server.gql(QUERY, { name: 'Sergels', from: 2019, to: 2017 }, actors.editorToken);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toYear' });
});
