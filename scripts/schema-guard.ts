/**
 * The schema-change guard: fails when schema/schema.graphql changes in a way that breaks clients
 * written against the previous version, unless the change is recorded as intended. A breaking
 * change is recorded when a text that names its path (`Scene.policeArea`, `Query.scene.crs`) is
 *
 * - a line `- BREAKING: …` added to schema/CHANGELOG.md, or
 * - a line `Breaking-schema-change: …` in the message of the commit that made it.
 *
 *   npm run schema:guard -- --history    every commit since the guard began (CI)
 *   npm run schema:guard -- --base <rev> the working tree against <rev> (default HEAD), before committing
 *
 * Git runs in the current directory. Exits 0 when nothing unrecorded breaks, 1 when something
 * does, 2 when it cannot compare.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const SCHEMA_PATH = 'schema/schema.graphql';
export const CHANGELOG_PATH = 'schema/CHANGELOG.md';
const CHANGELOG_ENTRY = /^- BREAKING:[ \t]*\S/;
const COMMIT_TRAILER = /^Breaking-schema-change:[ \t]*\S.*$/gm;

/** Every difference between two SDL documents, as @graphql-inspector/core classifies it. */
export async function diffSchemas(oldSdl: string, newSdl: string): Promise<Change[]> {
  return diff(buildSchema(oldSdl), buildSchema(newSdl));
}

/** The changes from `oldSdl` to `newSdl` that break clients written against `oldSdl`. */
export async function findBreakingChanges(oldSdl: string, newSdl: string): Promise<Change[]> {
  return (await diffSchemas(oldSdl, newSdl)).filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

export interface BreakingChangeRecord {
  /** Messages of the commits that may record the change. */
  commitMessages: string[];
  /** schema/CHANGELOG.md before the change ('' when it did not exist). */
  oldChangelog: string;
  /** schema/CHANGELOG.md after it ('' when it does not exist). */
  newChangelog: string;
}

/** The texts that record breaking changes as intended: `Breaking-schema-change:` lines and added `- BREAKING:` entries. */
export function findAcknowledgements({ commitMessages, oldChangelog, newChangelog }: BreakingChangeRecord): string[] {
  const trailers = commitMessages.flatMap((message) => [...message.matchAll(COMMIT_TRAILER)].map((match) => match[0].trim()));
  const before = new Set(oldChangelog.split(/\r?\n/));
  const entries = newChangelog.split(/\r?\n/).filter((line) => CHANGELOG_ENTRY.test(line) && !before.has(line));
  return [...trailers, ...entries];
}

/** The breaking changes that no acknowledgement names by path. */
export function unacknowledged(breaking: Change[], acknowledgements: string[]): Change[] {
  return breaking.filter((change) => !acknowledgements.some((text) => (change.path ? mentions(text, change.path) : true)));
}

// Private: the command line.

/** True when `text` names `path` as a whole word, so `Scene.area` is not matched by `Scene.areaSquareMeters`. */
function mentions(text: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.])${escaped}($|[^\\w])`).test(text);
}

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function isCommit(rev: string): boolean {
  try {
    git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

/** The file's content at `rev`, or null when the file (or the revision) does not exist. */
function showAtRevision(rev: string, path: string): string | null {
  try {
    git('cat-file', '-e', `${rev}:${path}`);
  } catch {
    return null;
  }
  return git('show', `${rev}:${path}`);
}

function readWorkingTree(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

interface Comparison {
  label: string;
  oldSdl: string;
  newSdl: string;
  record: BreakingChangeRecord;
}

/** Prints the changes of one comparison; returns how many breaking ones are unrecorded. */
async function check({ label, oldSdl, newSdl, record }: Comparison): Promise<number> {
  const changes = await diffSchemas(oldSdl, newSdl);
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const missing = unacknowledged(breaking, findAcknowledgements(record));
  console.log(`${label}: ${changes.length} change(s), ${breaking.length} breaking, ${missing.length} unrecorded`);
  for (const change of changes) {
    const mark = missing.includes(change) ? 'UNRECORDED' : change.criticality.level;
    console.log(`  ${mark.padEnd(13)} ${change.message}`);
  }
  return missing.length;
}

/** Commits since the guard began (the one that created the changelog) that changed the schema, oldest first. */
function guardedCommits(): string[] {
  const start = git('log', '--diff-filter=A', '--format=%H', '--', CHANGELOG_PATH).trim().split('\n').pop();
  if (!start) throw new Error(`${CHANGELOG_PATH} is not in this clone's history (shallow?); fetch more history or use --base`);
  return git('log', '--first-parent', '--reverse', '--format=%H', `${start}..HEAD`, '--', SCHEMA_PATH).split('\n').filter(Boolean);
}

function commitComparison(commit: string): Comparison | null {
  const oldSdl = showAtRevision(`${commit}^`, SCHEMA_PATH);
  const newSdl = showAtRevision(commit, SCHEMA_PATH);
  if (oldSdl === null || newSdl === null) return null;
  return {
    label: `${commit.slice(0, 10)} ${git('log', '-1', '--format=%s', commit).trim()}`,
    oldSdl,
    newSdl,
    // Its own message, or a changelog entry added by it or by any later commit.
    record: {
      commitMessages: [git('log', '-1', '--format=%B', commit)],
      oldChangelog: showAtRevision(`${commit}^`, CHANGELOG_PATH) ?? '',
      newChangelog: showAtRevision('HEAD', CHANGELOG_PATH) ?? '',
    },
  };
}

function workingTreeComparison(base: string): Comparison | null {
  const oldSdl = showAtRevision(base, SCHEMA_PATH);
  if (oldSdl === null) return null;
  return {
    label: `working tree against ${base}`,
    oldSdl,
    newSdl: readWorkingTree(SCHEMA_PATH),
    record: {
      commitMessages: git('log', '--format=%B%x00', `${base}..HEAD`).split('\0'),
      oldChangelog: showAtRevision(base, CHANGELOG_PATH) ?? '',
      newChangelog: readWorkingTree(CHANGELOG_PATH),
    },
  };
}

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, history: { type: 'boolean', default: false } } });
  const comparisons: Array<Comparison | null> = [];
  if (values.history) {
    if (git('rev-parse', '--is-shallow-repository').trim() === 'true')
      console.warn('schema guard: this is a shallow clone; commits before its boundary are not checked');
    comparisons.push(...guardedCommits().map(commitComparison));
  } else {
    const base = values.base ?? 'HEAD';
    if (!isCommit(base)) throw new Error(`"${base}" is not a commit in this clone (shallow?); fetch more history or pass --base <rev>`);
    comparisons.push(workingTreeComparison(base));
  }
  let missing = 0;
  for (const comparison of comparisons) {
    if (comparison) missing += await check(comparison);
    else console.log('skipped: the schema or its previous version is not in this clone (shallow, or the file is new)');
  }
  if (!missing) {
    console.log(`schema guard: no unrecorded breaking change (${comparisons.length} comparison(s))`);
    return 0;
  }
  console.error(
    `schema guard: ${missing} breaking change(s) would break existing clients. If intended, add a line ` +
      `"- BREAKING: <path, e.g. Scene.policeArea> <what changed and what clients do instead>" to ${CHANGELOG_PATH}, ` +
      `or a line "Breaking-schema-change: <path> <what and why>" to the commit message, naming each path marked UNRECORDED.`,
  );
  return 1;
}

if (require.main === module) {
  run().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`schema guard: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
