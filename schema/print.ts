import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './index';

/** The served schema as SDL, types sorted so the committed file diffs cleanly. */
export async function printApiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
