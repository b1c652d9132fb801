#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm install`, as `prepare`): everything `npm start` runs, built
 * ahead of time, so that production never compiles TypeScript.
 *
 * 1. The GraphQL IDE served at GET /graphql: GraphiQL and its page script bundled by esbuild into
 *    server/routes/ide/public/build/, with the README's example queries beside it (examples.json),
 *    so the page loads nothing from a CDN. The status board's operations, taken from
 *    client-codegen/operations/board.graphql (the typed client's), into
 *    server/routes/board/public/build/operations.js, so the page and the client cannot drift; and
 *    the board's map background, the region's land and lakes, into geography.json there
 *    (scripts/board-geography.js: clipped from npm data packages, cached after the first build).
 * 2. The server compiled by tsc (tsconfig.build.json) into dist/.
 * 3. The files the server reads at run time (the board's and the IDE's pages, the demo data)
 *    copied next to the compiled code, so dist/ runs on its own.
 * 4. dist/.build-stamp, which `npm start` compares with the sources (scripts/ensure-build.js).
 */
const { execFileSync } = require('node:child_process');
const { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');
const { readmeExamples } = require('./readme-examples');
const { writeBoardGeography } = require('./board-geography');

const root = join(__dirname, '..');
const ideOut = join(root, 'server/routes/ide/public/build');
const boardOut = join(root, 'server/routes/board/public/build');
/** Folders of run-time files, copied from the sources into dist/ as they are. */
const ASSETS = ['server/routes/board/public', 'server/routes/ide/public', 'db/seeders/data'];

function main() {
  const started = Date.now();
  rmSync(ideOut, { recursive: true, force: true });
  mkdirSync(ideOut, { recursive: true });
  writeFileSync(join(ideOut, 'examples.json'), JSON.stringify(readmeExamples(readFileSync(join(root, 'README.md'), 'utf8')), null, 2));
  esbuild.buildSync({
    entryPoints: { ide: join(root, 'server/routes/ide/browser/ide.js') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    outdir: ideOut,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.svg': 'dataurl' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  writeBoardOperations();
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
    cwd: root,
  });
  for (const folder of ASSETS) cpSync(join(root, folder), join(root, 'dist', folder), { recursive: true });
  writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString());
  console.log(`build: dist/ and the IDE bundle in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Each operation of board.graphql as an exported string constant named after it, for board.js to import; and the map background. */
function writeBoardOperations() {
  const { parse, print } = require('graphql');
  const document = parse(readFileSync(join(root, 'client-codegen/operations/board.graphql'), 'utf8'));
  const operations = document.definitions.map((definition) => {
    if (definition.kind !== 'OperationDefinition' || !definition.name)
      throw new Error('board.graphql: named operations only, no fragments');
    return `export const ${definition.name.value} = ${JSON.stringify(print(definition))};`;
  });
  rmSync(boardOut, { recursive: true, force: true });
  mkdirSync(boardOut, { recursive: true });
  writeBoardGeography(join(boardOut, 'geography.json'), join(root, 'node_modules/.cache/drugscene-board'));
  writeFileSync(
    join(boardOut, 'operations.js'),
    `// Written by scripts/build.js from client-codegen/operations/board.graphql: edit that file, not this one.\n${operations.join('\n')}\n`,
  );
}

main();
