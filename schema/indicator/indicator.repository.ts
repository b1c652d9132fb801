import { EntityRepository } from '@mikro-orm/postgresql';
import type { IndicatorValue } from './indicator-value.type';
import type { Indicator } from './indicator.entity';

export interface IndicatorQuery {
  names: readonly string[] | null;
  fromYear: number | null;
  toYear: number | null;
}

/** The SQL of indicators: the open statistics of the areas a scene lies in. */
export class IndicatorRepository extends EntityRepository<Indicator> {
  /**
   * Indicator values of each scene's statistical areas, each with its municipality's average for
   * the same indicator and year beside it; ordered by scene, indicator, year, area.
   */
  forScenes(sceneIds: readonly string[], query: IndicatorQuery) {
    return this.em.execute<Array<IndicatorValue & { sceneId: string }>>(
      `select s.id as "sceneId", v.name, v.year, v.value, v.area_code as "statArea", v.label as place,
              a.value as "municipalityAverage",
              case when a.value > 0 then v.value / a.value end as "ratioToAverage"
         from scene s
         join indicator v on v.area_code = any(s.stat_areas)
         left join indicator a on a.average_of = s.municipality and a.name = v.name and a.year = v.year
        where s.id = any(array[?]::uuid[])
          and (?::boolean or v.name = any(array[?]::text[]))
          and v.year between ? and ?
        order by s.id, v.name, v.year, v.area_code`,
      [sceneIds as string[], query.names === null, query.names ?? [''], query.fromYear ?? -1, query.toYear ?? 9999],
    );
  }
}
