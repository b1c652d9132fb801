#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm test`: builds (scripts/build.js) when dist/ is missing or any
 * source it is made from is newer than dist/.build-stamp, and otherwise does nothing. So a fresh
 * clone, a `git pull` or an edit never starts stale code, and an unchanged tree starts at once.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const SOURCES = [
  'server',
  'schema',
  'db',
  'scripts',
  'client-codegen/operations/board.graphql',
  'README.md',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];
const SKIP = new Set(['node_modules', 'build']);

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (!SKIP.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

const stamp = join(root, 'dist', '.build-stamp');
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(
  ...SOURCES.map((source) => join(root, source))
    .filter(existsSync)
    .map(newestChange),
);
if (changedAt > builtAt) {
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  execFileSync(process.execPath, [join(__dirname, 'build.js')], { stdio: 'inherit' });
}
