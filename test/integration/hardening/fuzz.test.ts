import fc from 'fast-check';
import { createTestServer, type TestServer } from '../../support/test-server';
import { checkHeapBounded, createFingerprint, heapAfterGc, InvariantViolation, watchHealth } from '../../support/fuzz/invariants';
import { loadPublicSchema } from '../../support/fuzz/operations';
import { runStep, steps, type Step, type StepContext } from '../../support/fuzz/steps';
import { buildFuzzWorld, type FuzzWorld } from '../../support/fuzz/world';

/**
 * Our own fuzzing run, seeded and bounded in time: operations over every root field (HTTP POST,
 * GET and the WebSocket) and requests to every route, by every kind of caller, with valid, odd
 * and hostile input. Invariants: no 5xx and no INTERNAL_SERVER_ERROR; nothing stored by a failed
 * or refused operation; no RESTRICTED or PARTNERS data to a caller who may not see it; /health
 * answered within 1 s throughout; the heap bounded. Each invariant is shown to fail once, on a
 * violation planted on purpose.
 *
 * FUZZ_SEED and FUZZ_SECONDS (default 75) repeat or lengthen a run; a failure prints its seed and
 * counterexample.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? 75) * 1_000;
/** Growth allowed over a run: Apollo's parsed-document cache alone may take up to about 30 MB. */
const HEAP_BOUND_BYTES = 96 * 1024 * 1024;

let server: TestServer;
let world: FuzzWorld;
let context: StepContext;
let base: string;
const schema = loadPublicSchema();

beforeAll(async () => {
  server = await createTestServer({ limits: { operationsPerMinute: 10_000_000 } });
  world = await buildFuzzWorld(server);
  context = { server, world, fingerprint: await createFingerprint(server) };
  base = server.url.replace('/graphql', '');
}, 60_000);

it(
  'breaks no invariant over every root field and route, with every caller',
  async () => {
    const seen = { fields: new Set<string>(), callers: new Set<string>(), routes: 0, operations: 0 };
    const record = (step: Step) => {
      seen.callers.add(step.caller.name);
      if ('route' in step) seen.routes += 1;
      else {
        seen.operations += 1;
        seen.fields.add(step.operation.rootField);
      }
    };
    // Warm up first (JIT, Apollo's caches), so that the heap is measured from a steady start.
    const sample = fc.sample(steps(schema, world), { seed: SEED + 1, numRuns: 100 });
    for (const step of sample) await runStep(context, step);
    const outcomes = new Map<string, number>();
    const observe = (_step: Step, answer: { status: number; body: string }) => {
      const codes = [...answer.body.matchAll(/"code":\s*"([A-Z_]+)"/g)].map((match) => match[1]);
      const outcome = codes.length ? codes[0]! : answer.status === 200 ? 'OK' : `HTTP ${answer.status}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    };
    const heapBefore = heapAfterGc();
    const health = watchHealth(base);
    const started = Date.now();
    try {
      await fc.assert(
        fc.asyncProperty(steps(schema, world), async (step) => {
          record(step);
          await runStep({ ...context, observe }, step);
        }),
        { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, endOnFailure: true },
      );
    } catch (failure) {
      // Stop the pings before reporting, or their loop would keep jest from exiting.
      await health.stop().catch(() => undefined);
      throw failure;
    }
    const { pings, slowestMs } = await health.stop();
    const total = seen.operations + seen.routes;
    checkHeapBounded(heapBefore, heapAfterGc(), HEAP_BOUND_BYTES, total);
    console.log(
      `fuzz: seed ${SEED}, ${total} steps in ${((Date.now() - started) / 1000).toFixed(0)} s (${seen.operations} operations over ${seen.fields.size} root fields, ${seen.routes} route requests), ${pings} health pings, slowest ${slowestMs} ms; outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])))}`,
    );
    const allRootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type!.getFields()),
    );
    expect([...allRootFields].filter((field) => !seen.fields.has(field))).toEqual([]);
    expect(seen.callers.size).toBe(world.callers.length);
    expect(seen.routes).toBeGreaterThan(total / 8);
  },
  BUDGET_MS + 120_000,
);

describe('each invariant fails on a violation planted once', () => {
  const admin = () => world.callers.find((caller) => caller.name === 'ADMIN')!;
  const outsider = () => world.callers.find((caller) => caller.name === 'ANALYST of an outsider')!;
  const query = (caller: StepContext['world']['callers'][number], text: string): Step => ({
    caller,
    transport: 'POST',
    operation: { kind: 'query', rootField: 'planted', query: text, variables: {} },
  });

  it('no 5xx or internal error: a privilege taken from the requests’ role makes every read fail inside', async () => {
    const em = server.orm.em.fork();
    await em.execute('revoke select on operator from app_viewer');
    try {
      await expect(runStep(context, query(admin(), '{ operators { totalCount } }'))).rejects.toMatchObject({
        invariant: 'no 5xx or internal error',
      });
    } finally {
      await em.execute('grant select on operator to app_viewer');
    }
    await runStep(context, query(admin(), '{ operators { totalCount } }'));
  });

  it('nothing stored on a failed operation: a row written while a refused mutation runs', async () => {
    const viewer = world.callers.find((caller) => caller.name === 'VIEWER')!;
    const refused: Step = {
      caller: viewer,
      transport: 'POST',
      operation: {
        kind: 'mutation',
        rootField: 'createOperator',
        query: 'mutation { createOperator(input: { name: "Planted", kind: OTHER }) { id } }',
        variables: {},
      },
    };
    const plant = async () => {
      await server.orm.em
        .fork()
        .execute(
          `insert into operator (id, name, kind, created_at, updated_at) values (gen_random_uuid(), 'Planted', 'OTHER', now(), now())`,
        );
    };
    await expect(runStep({ ...context, plant }, refused)).rejects.toMatchObject({ invariant: 'nothing stored on a failed operation' });
    await runStep(context, refused); // without the plant, the refusal stores nothing
  });

  it('no secret to a caller who may not see it: the read policy opened to everyone', async () => {
    const em = server.orm.em.fork();
    const [{ qual }] = await em.execute<Array<{ qual: string }>>(`select qual from pg_policies where policyname = 'intervention_read'`);
    const titles = query(outsider(), '{ interventions(first: 100) { edges { node { title } } } }');
    await em.execute('alter policy intervention_read on intervention using (true)');
    try {
      await expect(runStep(context, titles)).rejects.toMatchObject({ invariant: 'no secret to a caller who may not see it' });
    } finally {
      await em.execute(`alter policy intervention_read on intervention using (${qual})`);
    }
    await runStep(context, titles);
  });

  it('/health within 1 s: a request handler that blocks the event loop for 1.5 s', async () => {
    let blocked = false;
    const block = (request: { url?: string }) => {
      if (blocked || request.url !== '/health') return;
      blocked = true;
      const until = Date.now() + 1_500;
      while (Date.now() < until); // the server's process does nothing else meanwhile
    };
    server.app.httpServer.prependListener('request', block);
    try {
      const health = watchHealth(base, 100);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await expect(health.stop()).rejects.toMatchObject({ invariant: '/health within 1 s' });
    } finally {
      server.app.httpServer.off('request', block);
    }
    await expect(watchHealth(base, 100).stop()).resolves.toMatchObject({ pings: 1 });
  });

  it('memory bounded: every request keeps 1 MB of the heap alive', async () => {
    const kept: number[][] = [];
    const leak = () => kept.push(new Array(125_000).fill(1)); // 125 000 small integers, 8 bytes each
    const before = heapAfterGc();
    server.app.httpServer.on('request', leak);
    try {
      for (let i = 0; i < 150; i++) await runStep(context, query(admin(), '{ sceneStatusEventCursor }'));
      expect(() => checkHeapBounded(before, heapAfterGc(), HEAP_BOUND_BYTES, 150)).toThrow(InvariantViolation);
    } finally {
      server.app.httpServer.off('request', leak);
      kept.length = 0;
    }
    expect(() => checkHeapBounded(before, heapAfterGc(), HEAP_BOUND_BYTES, 150)).not.toThrow();
  });
});
