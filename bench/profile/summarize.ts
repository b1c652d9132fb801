/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) the way the read-path issue reports them: self
 * time by package, the functions with the most self time, and inclusive time of the layers that
 * matter on the read path (a sample counts for a layer when one of its frames is on the stack).
 *
 *   npx ts-node --transpile-only bench/profile/summarize.ts <file.cpuprofile> [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Layers counted inclusively: a name and a test on a frame's package and function. */
const LAYERS: Array<[string, (pkg: string, fn: string) => boolean]> = [
  ['graphql execute (graphql/execution)', (pkg, fn) => pkg === 'graphql' && /^(execute|completeValue|executeFields?)/.test(fn)],
  ['@apollo/server', (pkg) => pkg === '@apollo/server'],
  ['type-graphql', (pkg) => pkg === 'type-graphql'],
  ['MikroORM (any @mikro-orm frame)', (pkg) => pkg.startsWith('@mikro-orm')],
  ['knex', (pkg) => pkg === 'knex'],
  ['pg (driver: protocol, row parsing)', (pkg) => pkg === 'pg' || pkg === 'pg-protocol' || pkg === 'pg-types'],
  ['dataloader', (pkg) => pkg === 'dataloader'],
  ['express / body-parser', (pkg) => ['express', 'body-parser', 'router', 'raw-body'].includes(pkg)],
  ['jose (token)', (pkg) => pkg === 'jose'],
  ['JSON (parse/stringify)', (_pkg, fn) => /^(parse|stringify|JSONStringify|prettyJSONStringify)$/.test(fn)],
  ['async_hooks promise hooks', (_pkg, fn) => /^(promiseInitHook|promiseBeforeHook|promiseAfterHook|_propagate)$/.test(fn)],
  ['socket writes', (_pkg, fn) => fn === 'writeBuffer' || fn === 'writev' || fn === 'writevGeneric'],
  ['project code (any frame)', (pkg) => pkg.startsWith('project:')],
];

function packageOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)' || functionName === '(idle)') return functionName;
  if (!url) return '(V8 builtins / native)';
  if (url.startsWith('node:')) return 'node (core JS)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const project = /\/(schema|server|db)\/([^/]+)\//.exec(url);
  return project ? `project: ${project[1]}/${project[2]}` : 'project';
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
  const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = total - idle;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms`;
  console.log(`${positionals[0]}: ${(total / 1000).toFixed(1)} s sampled, busy ${(busy / 1000).toFixed(1)} s\n`);

  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const pkg = packageOf(frame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const key = `${frame.functionName || '(anonymous)'}  [${pkg} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}]`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const top = Number(values.top);
  console.log('self time by package:');
  for (const [pkg, ms] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(ms)}  ${pkg}`);
  console.log(`\ntop ${top} functions by self time:`);
  for (const [fn, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(ms)}  ${fn}`);

  // Inclusive: each sample's stack, walked once per layer.
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const hit = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const pkg = packageOf(frame);
      for (const [name, test] of LAYERS) if (!hit.has(name) && test(pkg, frame.functionName)) hit.add(name);
    }
    for (const name of hit) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  console.log('\ninclusive time (a sample counts if a frame of the layer is on its stack):');
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(ms)}  ${name}`);
}

main();
