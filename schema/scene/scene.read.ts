import type { EntityMetadata } from '@mikro-orm/core';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { AGREEMENT_ORDERINGS } from '../agreement/agreement.repository';
import { AgreementOrderBy } from '../agreement/agreement.inputs';
import { interventionConnectionSql } from '../intervention/intervention.read';
import { entityReadType } from '../read/entity-fields';
import { pageBounds } from '../read/page';
import { readAt, refuseAsOf, refuseUnderAsOf, type FieldContext, type FieldWriter, type ReadType } from '../read/read-compiler';
import { Crs } from '../../db/spatial/crs';
import { geometryJsonSql, perimeterSql } from '../../db/spatial/geometry-sql';
import { nearestScenesSql as nearestRowsSql, nearSceneArea } from '../../db/spatial/proximity';
import { checkRadius, foldedSpatialInputs } from '../spatial/spatial-filter';
import { SceneStatisticsGroupBy } from './scene-statistics';
import { checkNearestLimit } from './scene.service';
import { SceneOrderBy, type SceneFilter } from './scene.inputs';
import { asOfFrom } from '../shared/as-of';
import { scenesAsOfSql } from './scene-versions';
import { sceneConditionsSql, sceneListSource, sceneStatisticsSql as statisticsRowsSql } from './scene.repository';
import { STATUS_HISTORY_ORDERING } from './status-history';

/** Scenes, their history and their analyses on the compiled read path (schema/read/). */
export function sceneReadTypes(schema: GraphQLSchema, meta: (name: string) => EntityMetadata): ReadType[] {
  const type = (name: string) => schema.getType(name) as GraphQLObjectType;
  const scene = entityReadType(meta('Scene'), type('Scene'), {
    area: (f) => geometryJsonSql(`${f.row}.area`, 'self', f.args.crs ?? Crs.EPSG_4326),
    centroid: (f) => geometryJsonSql(`${f.row}.area`, 'centroid', f.args.crs ?? Crs.EPSG_4326),
    perimeterMeters: (f) => perimeterSql(`${f.row}.area`),
    archived: (f) => `${f.row}.archived_at is not null`,
    problemProfile: (f) => f.object(f.row),
    statusHistory: (f) => {
      refuseUnderAsOf(f);
      return f.connection(
        { table: 'scene_status_change', conditions: (alias) => [`${alias}.scene_id = ${f.row}.id`], ordering: STATUS_HISTORY_ORDERING },
        pageBounds(f.args, STATUS_HISTORY_ORDERING, true),
      );
    },
    interventions: (f) => {
      refuseUnderAsOf(f);
      const radius: number | null | undefined = f.args.withinMeters;
      if (radius == null) return interventionConnectionSql(f, (alias) => `${alias}.scene_id = ${f.row}.id`);
      const checked = radius === 0 ? 0 : checkRadius(radius, 'withinMeters');
      return interventionConnectionSql(f, (alias, w) => nearSceneArea(alias, `${f.row}.area`, checked, w));
    },
    agreements: (f) => {
      refuseUnderAsOf(f);
      const ordering = AGREEMENT_ORDERINGS[(f.args.orderBy as AgreementOrderBy) ?? AgreementOrderBy.VALID_FROM_DESC];
      const linked = (alias: string) =>
        `exists (select 1 from agreement_scene link where link.agreement_id = ${alias}.id and link.scene_id = ${f.row}.id)`;
      return f.connection({ table: 'agreement', conditions: (alias) => [linked(alias)], ordering }, pageBounds(f.args, ordering, true));
    },
  });
  const problemProfile: ReadType = {
    name: 'ProblemProfile',
    fields: Object.fromEntries(
      ['description', 'substances', 'crimeKinds', 'targetGroups', 'tags'].map((name) => [
        name,
        (f: FieldContext) => `${f.row}.problem_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
      ]),
    ),
  };
  const statusChange = entityReadType(meta('SceneStatusChange'), type('SceneStatusChange'), {
    changedByOperator: (f) => f.related('operator', `${f.row}.changed_by_operator_id`),
  });
  const distance: ReadType = {
    name: 'SceneDistance',
    fields: { distanceMeters: (f) => `${f.row}.distance`, scene: (f) => f.object(f.row) },
  };
  const statistics: ReadType = {
    name: 'SceneStatisticsGroup',
    fields: { key: (f) => `${f.row}.key`, count: (f) => `${f.row}.count`, totalAreaSquareMeters: (f) => `${f.row}.total` },
  };
  return [scene, problemProfile, statusChange, distance, statistics];
}

/** The root fields of scenes. */
export const SCENE_ROOTS: Record<string, FieldWriter> = {
  scenes: (f) => {
    const filter: SceneFilter | undefined = f.args.filter;
    const spatial = foldedSpatialInputs(filter?.spatial, f.w, f.checks);
    const source = sceneListSource(filter, (f.args.orderBy as SceneOrderBy) ?? SceneOrderBy.NAME_ASC, spatial);
    const asOf = readAt(f);
    return f.connection(asOf ? { ...source, table: scenesAsOfSql(asOf), asOf } : source, pageBounds(f.args, source.ordering));
  },
  scene: (f) => {
    const asOf = readAt(f);
    const table = asOf ? scenesAsOfSql(asOf) : 'scene';
    f.checks.push(`exists (select 1 from ${table} s where s.id = ${f.w.param(f.args.id, 'uuid')})`);
    return f.related(table, f.w.param(f.args.id, 'uuid'), asOf);
  },
  nearestScenes: (f) => {
    refuseAsOf(f);
    return nearestScenesSql(f);
  },
  sceneStatistics: sceneStatisticsSql,
};

// Private:

/** The `limit` scenes nearest to a point (db/spatial/proximity.ts writes the statement, for both paths). */
function nearestScenesSql(f: FieldContext): string {
  checkNearestLimit(f.args.limit);
  const point = foldedSpatialInputs({ near: { point: f.args.point, radiusMeters: 1 }, crs: f.args.crs } as never, f.w, f.checks).nearPoint!(
    f.w,
  );
  const filter: SceneFilter | undefined = f.args.filter;
  const spatial = foldedSpatialInputs(filter?.spatial, f.w, f.checks);
  const rows = nearestRowsSql(point, f.args.limit, (alias) => sceneConditionsSql(filter, alias, spatial, f.w));
  const n = f.w.alias('n');
  const joins = f.scope(n);
  const object = f.object(n);
  return `coalesce((select json_agg(${object} order by ${n}.distance, ${n}.id) from (${rows}) ${n} ${joins()}), '[]'::json)`;
}

/** Scene counts and total area per group (scene-statistics.service.ts writes the statement). */
function sceneStatisticsSql(f: FieldContext): string {
  const filter: SceneFilter | undefined = f.args.filter;
  const spatial = foldedSpatialInputs(filter?.spatial, f.w, f.checks);
  const g = f.w.alias('g');
  const rows = statisticsRowsSql(f.args.groupBy as SceneStatisticsGroupBy, asOfFrom(f.args), filter, spatial, f.w);
  return `coalesce((select json_agg(${f.object(g)} order by ${g}.key) from (${rows}) ${g}), '[]'::json)`;
}
