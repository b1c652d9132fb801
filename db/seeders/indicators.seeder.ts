import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Indicator } from '../../schema/indicator/indicator.entity';

interface IndicatorRow {
  place: string;
  statArea: string;
  year: string;
  indicator: string;
  value: string;
}

/**
 * Loads an indicator CSV (columns place, statArea, year, indicator, value). A row with a
 * statistical-area code is that area's figure; a row without one must name the municipality it
 * averages ("average per statistical area, City of Stockholm (n=450)").
 * @returns the number of rows loaded
 */
export async function loadIndicators(em: EntityManager, csvPath: string): Promise<number> {
  const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as IndicatorRow[];
  const source = basename(csvPath);
  for (const row of rows) {
    const indicator = new Indicator({ label: row.place, name: row.indicator, year: Number(row.year), value: Number(row.value), source });
    if (!Number.isInteger(indicator.year) || !Number.isFinite(indicator.value))
      throw new Error(`${source}: bad year or value in ${JSON.stringify(row)}`);
    if (row.statArea) indicator.areaCode = row.statArea;
    else indicator.averageOf = averagedMunicipality(row.place, source);
    em.persist(indicator);
  }
  await em.flush();
  return rows.length;
}

function averagedMunicipality(place: string, source: string): string {
  const match = /\bCity of (\p{L}+)/u.exec(place);
  if (!match) throw new Error(`${source}: "${place}" has no statistical area and names no municipality it averages`);
  return match[1]!;
}
