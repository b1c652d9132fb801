#!/usr/bin/env node
/**
 * Runs before `npm test`. Some suites drive real programs the machine must have: GDAL's ogrinfo
 * and ogr2ogr (the OGC API suite), Chromium (the board and IDE suites, driven by playwright-core;
 * never a downloaded browser) and git (the schema guard's suite builds a real history). As
 * `playwright install --with-deps` does, this provisions them: as root on Debian it installs
 * Debian's `gdal-bin`, `chromium` and `git` with apt-get; anywhere else it
 * stops before any test runs and prints the command to run. No suite is ever skipped for want of
 * them. CHROMIUM_PATH names another Chromium binary.
 */
const { spawnSync } = require('node:child_process');
const { accessSync, constants, existsSync } = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PACKAGES = { ogr2ogr: 'gdal-bin', ogrinfo: 'gdal-bin', git: 'git', chromium: 'chromium' };

function missingTools() {
  const missing = [];
  for (const tool of ['ogr2ogr', 'ogrinfo', 'git']) if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) missing.push(tool);
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    missing.push('chromium');
  }
  return missing;
}

function main() {
  let missing = missingTools();
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((tool) => PACKAGES[tool]))];
  const onDebian = existsSync('/etc/debian_version') && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (onDebian && isRoot) {
    console.log(`npm test needs ${missing.join(', ')}: installing Debian's ${packages.join(' ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', ...packages],
    ]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed (exit ${result.status})`, packages, onDebian);
    }
    missing = missingTools();
    if (missing.length === 0) return;
  }
  fail(`npm test needs ${missing.join(', ')}, which this machine does not have`, packages, onDebian);
}

function fail(reason, packages, onDebian) {
  console.error(`\n${reason}.`);
  if (onDebian) console.error(`Run, then npm test again:\n\n  sudo apt-get install -y ${packages.join(' ')}\n`);
  else {
    console.error("Install GDAL (its ogrinfo and ogr2ogr), Chromium and git with your system's packages, then npm test again;");
    console.error(`set CHROMIUM_PATH when Chromium is not at ${CHROMIUM}.\n`);
  }
  process.exit(1);
}

main();
