import { raw } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Intervention } from './intervention.entity';
import type { InterventionFilter } from './intervention.inputs';
import { interventionWhere } from './intervention.service';

export enum InterventionStatisticsGroupBy {
  CATEGORY = 'CATEGORY',
  KIND = 'KIND',
  SENSITIVITY = 'SENSITIVITY',
  OWNER = 'OWNER',
  SCENE = 'SCENE',
}

registerEnumType(InterventionStatisticsGroupBy, { name: 'InterventionStatisticsGroupBy' });

@ObjectType({ description: 'Interventions counted together' })
export class InterventionStatisticsGroup {
  @Field({ description: 'The category, kind or sensitivity; for OWNER and SCENE the operator’s or scene’s id' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'For OWNER and SCENE, the operator’s or scene’s name' })
  label!: string | null;

  @Field(() => Int) count!: number;
}

/** The grouped column, and the name shown beside an id (column names are code constants). */
const GROUPS: Record<InterventionStatisticsGroupBy, { key: string; label: string | null; join?: 'owner' | 'scene' }> = {
  [InterventionStatisticsGroupBy.CATEGORY]: { key: 'i.category', label: null },
  [InterventionStatisticsGroupBy.KIND]: { key: 'i.kind', label: null },
  [InterventionStatisticsGroupBy.SENSITIVITY]: { key: 'i.sensitivity', label: null },
  [InterventionStatisticsGroupBy.OWNER]: { key: 'i.owner_id', label: 'j.name', join: 'owner' },
  [InterventionStatisticsGroupBy.SCENE]: { key: 'i.scene_id', label: 'j.name', join: 'scene' },
};

/**
 * Interventions matching `filter` counted per category, kind, sensitivity, owner or scene, largest
 * group first. Counted in one SQL statement under row security, so a caller counts only the
 * interventions it may see, as in every list.
 */
export async function interventionStatistics(
  em: EntityManager,
  groupBy: InterventionStatisticsGroupBy,
  filter: InterventionFilter | undefined,
): Promise<InterventionStatisticsGroup[]> {
  const { key, label, join } = GROUPS[groupBy];
  const query = em
    .createQueryBuilder(Intervention, 'i')
    .select([`${key}::text as key`, `${label ?? 'null'} as label`, 'count(*)::int as count'].map((sql) => raw(sql)))
    .where((await interventionWhere(em, filter)) as QBFilterQuery<Intervention>)
    .groupBy([raw(key), ...(label ? [raw(label)] : [])])
    .orderBy({ [raw('count(*)')]: 'desc', [raw(key)]: 'asc' });
  if (join) query.join(`i.${join}`, 'j');
  return query.execute<InterventionStatisticsGroup[]>('all', false);
}
