import { randomUUID } from 'node:crypto';
import { Check, Entity, EntityRepositoryType, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { IndicatorRepository } from './indicator.repository';

/**
 * One figure for a place and year, e.g. reported narcotics offences at statistical area 101 025
 * in 2018. A row is either for a statistical area (`areaCode`) or an average over a
 * municipality's statistical areas (`averageOf`), never both.
 */
@Entity({ tableName: 'indicator', repository: () => IndicatorRepository })
@Unique({ name: 'indicator_area_unique', properties: ['areaCode', 'name', 'year'] })
@Unique({ name: 'indicator_average_unique', properties: ['averageOf', 'name', 'year'] })
@Check({ name: 'indicator_one_scope', expression: '("area_code" is null) <> ("average_of" is null)' })
export class Indicator {
  [EntityRepositoryType]?: IndicatorRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'text', nullable: true })
  areaCode: string | null = null;

  /** Municipality whose average this is, e.g. "Stockholm". */
  @Property({ type: 'text', nullable: true })
  averageOf: string | null = null;

  /** The place as the source names it. */
  @Property({ type: 'text' })
  label: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'integer' })
  year: number;

  @Property({ type: 'double' })
  value: number;

  @Property({ type: 'text' })
  source: string;

  constructor(init: { label: string; name: string; year: number; value: number; source: string }) {
    this.label = init.label;
    this.name = init.name;
    this.year = init.year;
    this.value = init.value;
    this.source = init.source;
  }
}
