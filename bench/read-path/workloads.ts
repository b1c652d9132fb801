/**
 * The read-path workloads (the read-path issue's table), each as this server's GraphQL, as
 * PostGraphile's GraphQL for the same answer (bench/read-path/peers/postgraphile), and as the one
 * SQL statement a hand-written server would send for it. The point is 250 m from Sergels torg,
 * where the dataset's scenes cluster.
 */
export const POINT: [number, number] = [18.0636, 59.3345];

export interface Workload {
  name: string;
  /** The role the token has (row security decides per role). */
  role: 'ADMIN' | 'ANALYST';
  graphql: string;
  /**
   * The same answer from PostGraphile: its native connections and relations where it has them,
   * its aggregates plugin (@graphile/pg-aggregates) for the statistics, and the functions of its
   * `bench_pg` schema (peers/postgraphile/setup.sql) for distances in metres. Aliases give the
   * answer the other servers' field names, so that run.ts can compare the shapes.
   */
  postgraphile: string;
  /** The raw baseline: one statement returning the answer as JSON, `$1` = the point as GeoJSON. */
  sql: string;
}

const point = JSON.stringify({ type: 'Point', coordinates: POINT });
const pointLiteral = `{ type: "Point", coordinates: [${POINT.join(', ')}] }`;
/** PostGraphile's functions take the point as GeoJSON text: a GraphQL string literal. */
const pointString = JSON.stringify(point);
const POINT_SQL = `ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326)`;

function nested(scenes: number): Workload {
  return {
    name: `${scenes} scenes × their 10 latest interventions × owner`,
    role: 'ADMIN',
    graphql: `{ scenes(first: ${scenes}, orderBy: NAME_ASC) { edges { node { id name interventions(first: 10) { edges { node { id title startsAt owner { id name } } } } } } } }`,
    postgraphile: `{ scenes: allScenes(first: ${scenes}, orderBy: NAME_ASC, condition: { archivedAt: null }) { nodes { id: rowId name
      interventions: interventionsBySceneId(first: 10, orderBy: [STARTS_AT_DESC, ROW_ID_DESC]) { nodes { id: rowId title startsAt owner: operatorByOwnerId { id: rowId name } } } } } }`,
    sql: `select json_build_object('scenes', coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'interventions', (
             select coalesce(json_agg(json_build_object('id', i.id, 'title', i.title, 'startsAt', i.starts_at, 'owner', json_build_object('id', o.id, 'name', o.name)) order by i.starts_at desc, i.id desc), '[]')
               from (select * from intervention x where x.scene_id = s.id order by x.starts_at desc, x.id desc limit 10) i
               join operator o on o.id = i.owner_id)) order by s.name, s.id), '[]')) as answer
           from (select * from scene where archived_at is null order by name, id limit ${scenes}) s`,
  };
}

export const WORKLOADS: Workload[] = [
  nested(10),
  nested(50),
  nested(200),
  {
    name: 'scenes within 1 km of a point',
    role: 'ADMIN',
    graphql: `{ scenes(first: 100, filter: { spatial: { near: { point: ${pointLiteral}, radiusMeters: 1000 } } }) { edges { node { id name status } } } }`,
    postgraphile: `{ scenes: benchPgScenesNear(point: ${pointString}, meters: 1000, first: 100) { nodes { id: rowId name status } } }`,
    sql: `select json_build_object('scenes', coalesce(json_agg(json_build_object('id', id, 'name', name, 'status', status) order by name, id), '[]')) as answer
            from (select * from scene where archived_at is null and ST_DWithin(area::geography, ${POINT_SQL}::geography, 1000) order by name, id limit 100) s`,
  },
  {
    name: 'the same with the area as GeoJSON',
    role: 'ADMIN',
    graphql: `{ scenes(first: 100, filter: { spatial: { near: { point: ${pointLiteral}, radiusMeters: 1000 } } }) { edges { node { id name status area } } } }`,
    postgraphile: `{ scenes: benchPgScenesNear(point: ${pointString}, meters: 1000, first: 100) { nodes { id: rowId name status area: areaGeojson } } }`,
    sql: `select json_build_object('scenes', coalesce(json_agg(json_build_object('id', id, 'name', name, 'status', status, 'area', ST_AsGeoJSON(area, 9)::json) order by name, id), '[]')) as answer
            from (select * from scene where archived_at is null and ST_DWithin(area::geography, ${POINT_SQL}::geography, 1000) order by name, id limit 100) s`,
  },
  {
    name: 'interventions within 200 m, as an ANALYST',
    role: 'ANALYST',
    graphql: `{ interventions(first: 100, filter: { spatial: { near: { point: ${pointLiteral}, radiusMeters: 200 } } }) { edges { node { id title startsAt } } } }`,
    postgraphile: `{ interventions: benchPgInterventionsNear(point: ${pointString}, meters: 200, first: 100) { nodes { id: rowId title startsAt } } }`,
    sql: `select json_build_object('interventions', coalesce(json_agg(json_build_object('id', id, 'title', title, 'startsAt', starts_at) order by starts_at desc, id desc), '[]')) as answer
            from (select * from intervention where ST_DWithin(location::geography, ${POINT_SQL}::geography, 200) order by starts_at desc, id desc limit 100) i`,
  },
  {
    name: 'nearestScenes (10)',
    role: 'ADMIN',
    graphql: `{ nearestScenes(point: ${pointLiteral}, limit: 10) { distanceMeters scene { id name } } }`,
    postgraphile: `{ nearestScenes: benchPgNearestScenes(point: ${pointString}, count: 10) { nodes { distanceMeters scene: sceneBySceneId { id: rowId name } } } }`,
    sql: `select json_build_object('nearestScenes', coalesce(json_agg(json_build_object('distanceMeters', d, 'scene', json_build_object('id', id, 'name', name)) order by d, id), '[]')) as answer
            from (select id, name, ST_Distance(area::geography, ${POINT_SQL}::geography) as d from scene where archived_at is null
                   order by area::geography <-> ${POINT_SQL}::geography limit 10) n`,
  },
  {
    name: 'sceneStatistics by municipality',
    role: 'ADMIN',
    graphql: `{ sceneStatistics(groupBy: MUNICIPALITY) { key count totalAreaSquareMeters } }`,
    postgraphile: `{ sceneStatistics: allScenes(condition: { archivedAt: null }) { groupedAggregates(groupBy: [MUNICIPALITY]) { keys distinctCount { rowId } sum { areaSquareMeters } } } }`,
    sql: `select json_build_object('sceneStatistics', coalesce(json_agg(json_build_object('key', municipality, 'count', n, 'totalAreaSquareMeters', total) order by n desc, municipality), '[]')) as answer
            from (select municipality, count(*) as n, sum(area_square_meters) as total from scene where archived_at is null group by municipality) g`,
  },
];

export const POINT_PARAM = point;
