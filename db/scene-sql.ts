/**
 * Facts about scene rows that every SQL writer shares (lists, statistics, maps, coverage,
 * proximity), said once so that they cannot drift.
 */

/** "The scene row `alias` is current": archived scenes stay readable by id but leave lists, maps and analyses. */
export function notArchivedSql(alias: string): string {
  return `${alias}.archived_at is null`;
}

/**
 * When the status history row `alias` took effect: its `changed_at`; a change the sources give
 * no date for counts from the start when it is the scene's first, else from when it was recorded.
 */
export function statusEffectiveAtSql(alias: string): string {
  return `coalesce(${alias}.changed_at, case when ${alias}.scene_version = 1 then '-infinity'::timestamptz else ${alias}.recorded_at end)`;
}
