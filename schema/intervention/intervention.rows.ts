import { Crs } from '../../db/spatial/crs';
import { geometryJsonSql } from '../../db/spatial/geometry-sql';
import type { Intervention } from './intervention.entity';

/** The intervention's fields as a list reads them (alias `x`): moments as epoch milliseconds, cheap to turn into dates. */
const COLUMNS: Record<string, string> = {
  category: 'x.category',
  kind: 'x.kind',
  title: 'x.title',
  description: 'x.description',
  startsAt: 'extract(epoch from x.starts_at) * 1000 as "startsAt"',
  endsAt: 'extract(epoch from x.ends_at) * 1000 as "endsAt"',
  recurrence: 'x.recurrence',
  sensitivity: 'x.sensitivity',
  createdAt: 'extract(epoch from x.created_at) * 1000 as "createdAt"',
  updatedAt: 'extract(epoch from x.updated_at) * 1000 as "updatedAt"',
  version: 'x.version',
  location: `${geometryJsonSql('x.location', 'self', Crs.EPSG_4326)} as location`,
};
const MOMENTS = ['startsAt', 'endsAt', 'createdAt', 'updatedAt'] as const;

/**
 * The read side of an intervention: the columns a list selects (alias `x`) for the fields the
 * request selects, and the plain object the GraphQL type resolves from, shaped like the entity
 * (relations as `{ id }`), with no ORM hydration or identity map. The relations' ids are always
 * read (their resolvers need them); the location is converted by PostGIS only when selected.
 */
export function interventionColumns(selected: ReadonlySet<string>): string[] {
  const fields = Object.keys(COLUMNS).filter((field) => selected.has(field));
  return [
    'x.id',
    'x.scene_id as "sceneId"',
    'x.owner_id as "ownerId"',
    'x.agreement_id as "agreementId"',
    ...fields.map((field) => COLUMNS[field]!),
  ];
}

export interface InterventionRow {
  id: string;
  sceneId: string;
  ownerId: string;
  agreementId: string | null;
  [field: string]: unknown;
}

/** A row as the Intervention type reads it (the entity's fields that were read; relations by id only). */
export function toIntervention(row: InterventionRow): Intervention {
  const node: Record<string, unknown> = {
    ...row,
    scene: { id: row.sceneId },
    owner: { id: row.ownerId },
    agreement: row.agreementId ? { id: row.agreementId } : null,
  };
  for (const moment of MOMENTS) if (row[moment] != null) node[moment] = new Date(Number(row[moment]));
  return node as unknown as Intervention;
}
