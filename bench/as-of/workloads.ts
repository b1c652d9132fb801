/**
 * The as-of benchmark's workloads: each a pair of the same query on current state and as of a
 * moment (issue "the record remembers"). Every query runs at three moments: `at` in 2019 and in
 * 2023 (valid time, as the record says now), and `asRecordedAt` (recorded time: as the platform
 * knew it when the dataset had recorded its sixth version, bench/as-of/dataset.ts).
 */

/** The point near which the spatial list looks, `[lng, lat]`: central Stockholm, where one cluster of the dataset's scenes lies. */
export const POINT: [number, number] = [18.06, 59.33];

/** Valid-time moments read at; the dataset's versions take effect every 411 days from 2016-01-01, so each sees another version. */
export const AT_2019 = '2019-07-01T00:00:00.000Z';
export const AT_2023 = '2023-07-01T00:00:00.000Z';

/** What a request needs from the dataset. */
export interface WorkloadContext {
  /** Scenes the by-id query cycles over, one per request. */
  sceneIds: string[];
  /** A recorded-time moment within the dataset's build (after its sixth versions, before its seventh). */
  recordedAt: string;
}

/** A GraphQL document for request number `n` (a query that varies by request cycles through scenes). */
export type Body = (n: number) => string;

export interface Pair {
  name: string;
  current: Body;
  asOf: Body;
}

/** A query, with `asOf` the as-of arguments to add (`, at: "…"`), or '' for current state. */
interface Query {
  name: string;
  document(asOf: string, context: WorkloadContext, n: number): string;
}

const point = `{ type: "Point", coordinates: [${POINT.join(', ')}] }`;

const QUERIES: Query[] = [
  {
    name: 'scenes(first: 50)',
    document: (asOf) => `{ scenes(first: 50${asOf}) { edges { node { id name status areaSquareMeters } } } }`,
  },
  {
    name: 'scenes within 1 km (first: 50)',
    document: (asOf) =>
      `{ scenes(first: 50, filter: { spatial: { near: { point: ${point}, radiusMeters: 1000 } } }${asOf}) { edges { node { id name status areaSquareMeters } } } }`,
  },
  {
    name: 'scene(id) with area, cycling',
    document: (asOf, context, n) =>
      `{ scene(id: "${context.sceneIds[n % context.sceneIds.length]}"${asOf}) { id name status areaSquareMeters area } }`,
  },
  {
    name: 'sceneStatistics(groupBy: STATUS)',
    document: (asOf) => `{ sceneStatistics(groupBy: STATUS${asOf}) { key count totalAreaSquareMeters } }`,
  },
];

/** The moments, as the arguments each as-of query adds. */
function moments(context: WorkloadContext): Array<{ name: string; args: string }> {
  return [
    { name: 'at 2019', args: `, at: "${AT_2019}"` },
    { name: 'at 2023', args: `, at: "${AT_2023}"` },
    { name: 'asRecordedAt', args: `, asRecordedAt: "${context.recordedAt}"` },
  ];
}

/** Every pair: each query at each moment, in that order. */
export function createPairs(context: WorkloadContext): Pair[] {
  return QUERIES.flatMap((query) =>
    moments(context).map((moment) => ({
      name: `${query.name} · ${moment.name}`,
      current: (n: number) => query.document('', context, n),
      asOf: (n: number) => query.document(moment.args, context, n),
    })),
  );
}
