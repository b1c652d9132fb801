#!/usr/bin/env node
/**
 * `npm run lockfile:complete`, after any `npm install` that changes package-lock.json.
 *
 * The registry this project installs from serves only the Linux builds of unrs-resolver's native
 * bindings (a dependency of jest 30). `npm install` then writes a lock file without the other
 * platforms' optional entries, and `npm ci` refuses that lock file as out of sync. This adds the
 * missing entries with their os/cpu, so `npm ci` skips them on this platform as it would anyway.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const BINDING =
  /^@unrs\/resolver-binding-(android|darwin|freebsd|linux|openharmony|win32)-(arm-eabi|arm-gnueabihf|arm-musleabihf|arm64|x64|loong64|ppc64|riscv64|s390x|ia32)/;
const CPU = { 'arm-eabi': 'arm', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm' };

let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (lock.packages[`node_modules/${name}`]) continue;
    const match = BINDING.exec(name);
    if (!match) throw new Error(`${name} is missing from package-lock.json and is not a known platform binding`);
    const [, os, arch] = match;
    lock.packages[`node_modules/${name}`] = { version, cpu: [CPU[arch] ?? arch], dev: true, license: 'MIT', optional: true, os: [os] };
    added += 1;
  }
}
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform binding entries added`);
