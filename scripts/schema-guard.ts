/**
 * `npm run schema:guard -- [--base <rev>]`: compares schema/schema.graphql in the working tree
 * with the one at `rev` (default HEAD~1), prints every change with its criticality, and exits 1
 * when a change would break existing clients unless it is recorded as intended:
 *
 * - schema/CHANGELOG.md gained a line starting with `- BREAKING:` since `rev`, or
 * - the HEAD commit message has a line starting with `Breaking-schema-change:` and some text.
 *
 * Exits 0 when nothing breaks (or the schema did not exist at `rev`), 2 when it cannot compare.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const SCHEMA_PATH = 'schema/schema.graphql';
export const CHANGELOG_PATH = 'schema/CHANGELOG.md';
const CHANGELOG_ENTRY = /^- BREAKING:[ \t]*\S/;
const COMMIT_TRAILER = /^Breaking-schema-change:[ \t]*\S.*$/m;

/** Every difference between two SDL documents, as @graphql-inspector/core classifies it. */
export async function diffSchemas(oldSdl: string, newSdl: string): Promise<Change[]> {
  return diff(buildSchema(oldSdl), buildSchema(newSdl));
}

/** The changes from `oldSdl` to `newSdl` that break clients written against `oldSdl`. */
export async function findBreakingChanges(oldSdl: string, newSdl: string): Promise<Change[]> {
  return (await diffSchemas(oldSdl, newSdl)).filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

export interface BreakingChangeRecord {
  /** The HEAD commit message. */
  commitMessage: string;
  /** schema/CHANGELOG.md at the base revision ('' when it did not exist). */
  oldChangelog: string;
  /** schema/CHANGELOG.md in the working tree ('' when it does not exist). */
  newChangelog: string;
}

/**
 * Where breaking changes are recorded as intended: the `Breaking-schema-change:` line of the
 * commit message, or the `- BREAKING:` changelog lines added since the base; null when nowhere.
 */
export function findAcknowledgement({ commitMessage, oldChangelog, newChangelog }: BreakingChangeRecord): string | null {
  const trailer = COMMIT_TRAILER.exec(commitMessage);
  if (trailer) return `commit message: ${trailer[0].trim()}`;
  const before = new Set(oldChangelog.split(/\r?\n/));
  const added = newChangelog.split(/\r?\n/).filter((line) => CHANGELOG_ENTRY.test(line) && !before.has(line));
  return added.length ? `${CHANGELOG_PATH}: ${added.join(' | ')}` : null;
}

// Private: the command line.

const ROOT = join(__dirname, '..');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The file's content at `rev`, or null when the file does not exist there. */
function showAtRevision(rev: string, path: string): string | null {
  try {
    git('cat-file', '-e', `${rev}:${path}`);
  } catch {
    return null;
  }
  return git('show', `${rev}:${path}`);
}

function readWorkingTree(path: string): string {
  return existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : '';
}

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { base: { type: 'string', default: 'HEAD~1' } } });
  const base = values.base!;
  try {
    git('rev-parse', '--verify', '--quiet', `${base}^{commit}`);
  } catch {
    console.error(`schema guard: "${base}" is not a commit in this clone (shallow?); fetch more history or pass --base <rev>`);
    return 2;
  }
  const oldSdl = showAtRevision(base, SCHEMA_PATH);
  if (oldSdl === null) {
    console.log(`schema guard: ${SCHEMA_PATH} does not exist at ${base}; nothing to compare`);
    return 0;
  }

  const changes = await diffSchemas(oldSdl, readWorkingTree(SCHEMA_PATH));
  for (const change of changes) {
    console.log(`${change.criticality.level.padEnd(12)} ${change.message}`);
    if (change.criticality.reason && change.criticality.level !== CriticalityLevel.NonBreaking)
      console.log(`${' '.repeat(13)}${change.criticality.reason}`);
  }
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  if (!breaking.length) {
    console.log(`schema guard: ${changes.length} change(s) since ${base}, none breaking`);
    return 0;
  }

  const acknowledgement = findAcknowledgement({
    commitMessage: git('log', '-1', '--format=%B', 'HEAD'),
    oldChangelog: showAtRevision(base, CHANGELOG_PATH) ?? '',
    newChangelog: readWorkingTree(CHANGELOG_PATH),
  });
  if (acknowledgement) {
    console.log(`schema guard: ${breaking.length} breaking change(s) since ${base}, recorded as intended in ${acknowledgement}`);
    return 0;
  }
  console.error(
    `schema guard: ${breaking.length} breaking change(s) since ${base} would break existing clients. If intended, add a line ` +
      `"- BREAKING: <what changed and what clients do instead>" to ${CHANGELOG_PATH}, or a line ` +
      `"Breaking-schema-change: <what and why>" to the commit message.`,
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
