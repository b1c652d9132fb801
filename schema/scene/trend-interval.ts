import { registerEnumType } from 'type-graphql';

export enum TrendInterval {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(TrendInterval, { name: 'TrendInterval', description: 'The step between the moments of a trend' });
