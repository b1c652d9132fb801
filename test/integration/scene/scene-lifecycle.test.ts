import { createActors, createScene, expectData, type Actors, nodes } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

const CHANGE_STATUS = `
  mutation($input: ChangeSceneStatusInput!) {
    changeSceneStatus(input: $input) { id status version statusSince statusHistory { edges { node { sceneVersion from to reason situationNote changedAt changedBy changedByOperator { id } } } } }
  }`;

let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

async function changeStatus(
  sceneId: string,
  status: string,
  expectedVersion: number,
  extra: Record<string, unknown> = {},
  token = actors.adminToken,
) {
  return server.gql(CHANGE_STATUS, { input: { sceneId, status, expectedVersion, reason: `to ${status}`, ...extra } }, token);
}

describe('registering a scene', () => {
  it('starts a new scene EMERGING at version 1 with one history row', async () => {
    const scene = await createScene(server, actors.editorToken, {
      reason: 'Reported by night walkers',
      situationNote: 'Weekly picture 12',
    });
    expect(scene).toMatchObject({ status: 'EMERGING', version: 1 });
    const { scene: read } = expectData(
      await server.gql(
        `query($id: ID!) { scene(id: $id) { statusHistory { edges { node { sceneVersion from to reason situationNote changedBy changedByOperator { id } } } } } }`,
        { id: scene.id },
        actors.editorToken,
      ),
    );
    expect(nodes(read.statusHistory)).toEqual([
      {
        sceneVersion: 1,
        from: null,
        to: 'EMERGING',
        reason: 'Reported by night walkers',
        situationNote: 'Weekly picture 12',
        changedBy: 'editor',
        changedByOperator: { id: actors.editorOperatorId },
      },
    ]);
  });

  it('lets an ADMIN register a scene as ACTIVE but refuses an EDITOR, storing nothing', async () => {
    const admin = await createScene(server, actors.adminToken, { status: 'ACTIVE' });
    expect(admin.status).toBe('ACTIVE');
    const before = await server.count('scene');
    const response = await server.gql(
      'mutation($input: CreateSceneInput!) { createScene(input: $input) { id } }',
      {
        input: {
          name: 'Not allowed',
          municipality: 'Stockholm',
          status: 'ACTIVE',
          area: {
            type: 'Polygon',
            coordinates: [
              [
                [18, 59],
                [18.001, 59],
                [18.001, 59.001],
                [18, 59],
              ],
            ],
          },
        },
      },
      actors.editorToken,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.count('scene')).toBe(before);
  });
});

describe('changing status', () => {
  it('follows EMERGING → ACTIVE → MONITORING → ACTIVE → MONITORING → CLOSED, bumping the version and writing history', async () => {
    const scene = await createScene(server, actors.editorToken);
    const path = ['ACTIVE', 'MONITORING', 'ACTIVE', 'MONITORING', 'CLOSED'];
    let version = 1;
    for (const status of path) {
      const { changeSceneStatus } = expectData(await changeStatus(scene.id, status, version, { situationNote: `lägesbild v${version}` }));
      version += 1;
      expect(changeSceneStatus).toMatchObject({ status, version });
    }
    const { scene: read } = expectData(
      await server.gql(
        `query($id: ID!) { scene(id: $id) { status version statusSince statusHistory { edges { node { sceneVersion from to situationNote changedAt } } } } }`,
        { id: scene.id },
        actors.editorToken,
      ),
    );
    expect(nodes(read.statusHistory).map((h: { from: string | null; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'null>EMERGING',
      'EMERGING>ACTIVE',
      'ACTIVE>MONITORING',
      'MONITORING>ACTIVE',
      'ACTIVE>MONITORING',
      'MONITORING>CLOSED',
    ]);
    expect(nodes(read.statusHistory).map((h: { sceneVersion: number }) => h.sceneVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(read.statusSince).toBe(nodes(read.statusHistory)[5].changedAt);
  });

  it('dismisses an EMERGING scene straight to CLOSED', async () => {
    const scene = await createScene(server, actors.editorToken);
    expect(expectData(await changeStatus(scene.id, 'CLOSED', 1)).changeSceneStatus.status).toBe('CLOSED');
  });

  it.each([
    ['EMERGING', 'MONITORING', [], 'ACTIVE, CLOSED'],
    ['ACTIVE', 'CLOSED', ['ACTIVE'], 'MONITORING'],
    ['ACTIVE', 'EMERGING', ['ACTIVE'], 'MONITORING'],
    ['CLOSED', 'ACTIVE', ['CLOSED'], 'none'],
  ])('refuses a transition from %s to %s with INVALID_TRANSITION and stores nothing', async (from, to, steps, allowed) => {
    const scene = await createScene(server, actors.editorToken);
    let version = 1;
    for (const step of steps) expectData(await changeStatus(scene.id, step, version++));
    const historyBefore = await server.count('scene_status_change');
    const response = await changeStatus(scene.id, to, version);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
    expect(response.errors?.[0]?.message).toBe(`Scene ${scene.id} cannot move from ${from} to ${to}; allowed: ${allowed}`);
    expect(await server.count('scene_status_change')).toBe(historyBefore);
    const { scene: read } = expectData(
      await server.gql('query($id: ID!) { scene(id: $id) { status version } }', { id: scene.id }, actors.editorToken),
    );
    expect(read).toEqual({ status: from, version });
  });

  it('requires a reason', async () => {
    const scene = await createScene(server, actors.editorToken);
    const response = await changeStatus(scene.id, 'ACTIVE', 1, { reason: '   ' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const missing = await server.gql(
      CHANGE_STATUS,
      { input: { sceneId: scene.id, status: 'ACTIVE', expectedVersion: 1 } },
      actors.editorToken,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.count('scene_status_change')).toBeGreaterThan(0);
    const { scene: read } = expectData(
      await server.gql(
        'query($id: ID!) { scene(id: $id) { status version statusHistory { edges { node { to } } } } }',
        { id: scene.id },
        actors.editorToken,
      ),
    );
    expect(read).toEqual({ status: 'EMERGING', version: 1, statusHistory: { edges: [{ node: { to: 'EMERGING' } }] } });
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    const scene = await createScene(server, actors.editorToken);
    expectData(await changeStatus(scene.id, 'ACTIVE', 1));
    const response = await changeStatus(scene.id, 'MONITORING', 1);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('answers NOT_FOUND for an unknown scene', async () => {
    const response = await changeStatus('00000000-0000-4000-8000-000000000000', 'ACTIVE', 1);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('records a backdated effectiveAt but refuses one in the future or before the current status', async () => {
    const scene = await createScene(server, actors.editorToken);
    const future = await changeStatus(scene.id, 'ACTIVE', 1, { effectiveAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveAt' });
    const tooEarly = await changeStatus(scene.id, 'ACTIVE', 1, { effectiveAt: '2001-01-01T00:00:00Z' });
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveAt' });
  });

  it('lets exactly one of ten concurrent writers with the same version win', async () => {
    const scene = await createScene(server, actors.editorToken);
    const historyBefore = await server.count('scene_status_change');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => changeStatus(scene.id, 'ACTIVE', 1, { reason: `writer ${i}` })),
    );
    const winners = responses.filter((r) => !r.errors);
    const losers = responses.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors![0]!.extensions?.code)).toEqual(Array(9).fill('CONFLICT'));
    expect(await server.count('scene_status_change')).toBe(historyBefore + 1);
    const { scene: read } = expectData(
      await server.gql(
        'query($id: ID!) { scene(id: $id) { version statusHistory { edges { node { reason } } } } }',
        { id: scene.id },
        actors.editorToken,
      ),
    );
    expect(read.version).toBe(2);
    expect(nodes(read.statusHistory)[1].reason).toBe(nodes(winners[0]!.data!.changeSceneStatus.statusHistory)[1].reason);
  });

  it('refuses an EDITOR, a VIEWER and an ANALYST with FORBIDDEN: only ADMIN classifies scenes', async () => {
    const scene = await createScene(server, actors.editorToken);
    for (const role of ['EDITOR', 'VIEWER', 'ANALYST'] as const) {
      const token = await server.token(role as never, actors.editorOperatorId);
      const response = await changeStatus(scene.id, 'ACTIVE', 1, {}, token);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('measures', () => {
  it('returns the stored spheroid area from createScene and keeps it current after updateScene moves the area', async () => {
    const square = (size: number) => {
      const d = size / 2 / 111_320;
      const e = size / 2 / (111_320 * Math.cos((59.33 * Math.PI) / 180));
      return {
        type: 'Polygon',
        coordinates: [
          [
            [18.06 - e, 59.33 - d],
            [18.06 + e, 59.33 - d],
            [18.06 + e, 59.33 + d],
            [18.06 - e, 59.33 + d],
            [18.06 - e, 59.33 - d],
          ],
        ],
      };
    };
    const created = expectData(
      await server.gql(
        'mutation($input: CreateSceneInput!) { createScene(input: $input) { id areaSquareMeters } }',
        { input: { name: 'Measured', municipality: 'Stockholm', area: square(100) } },
        actors.editorToken,
      ),
    ).createScene;
    expect(created.areaSquareMeters).toBeGreaterThan(9_900);
    expect(created.areaSquareMeters).toBeLessThan(10_100);
    const updated = expectData(
      await server.gql(
        'mutation($input: UpdateSceneInput!) { updateScene(input: $input) { areaSquareMeters } }',
        { input: { id: created.id, area: square(200) } },
        actors.adminToken,
      ),
    ).updateScene;
    expect(updated.areaSquareMeters).toBeGreaterThan(39_600);
    expect(updated.areaSquareMeters).toBeLessThan(40_400);
  });
});

describe('updating and archiving', () => {
  it('updates facts, bumps the version and refuses a stale expectedVersion', async () => {
    const scene = await createScene(server, actors.editorToken);
    const UPDATE =
      'mutation($input: UpdateSceneInput!) { updateScene(input: $input) { name district statAreas problemProfile { substances tags } version status } }';
    const { updateScene } = expectData(
      await server.gql(
        UPDATE,
        {
          input: {
            id: scene.id,
            expectedVersion: 1,
            name: 'Renamed',
            district: 'Norrmalm',
            statAreas: ['101 025'],
            problemProfile: { substances: ['cannabis'], tags: ['youth'] },
          },
        },
        actors.adminToken,
      ),
    );
    expect(updateScene).toEqual({
      name: 'Renamed',
      district: 'Norrmalm',
      statAreas: ['101 025'],
      problemProfile: { substances: ['cannabis'], tags: ['youth'] },
      version: 2,
      status: 'EMERGING',
    });
    const stale = await server.gql(UPDATE, { input: { id: scene.id, expectedVersion: 1, name: 'Again' } }, actors.adminToken);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('archives a scene (ADMIN only): hidden from lists, readable by id', async () => {
    const scene = await createScene(server, actors.editorToken, { name: 'To archive' });
    const ARCHIVE = 'mutation($input: ArchiveSceneInput!) { archiveScene(input: $input) { archived archivedAt } }';
    expect((await server.gql(ARCHIVE, { input: { id: scene.id } }, actors.editorToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(expectData(await server.gql(ARCHIVE, { input: { id: scene.id } }, actors.adminToken)).archiveScene.archived).toBe(true);
    const LIST = 'query($f: SceneFilter) { scenes(filter: $f, first: 500) { edges { node { id } } } }';
    const listed = expectData(await server.gql(LIST, {}, actors.editorToken)).scenes.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).not.toContain(scene.id);
    const withArchived = expectData(await server.gql(LIST, { f: { includeArchived: true } }, actors.editorToken)).scenes.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(withArchived).toContain(scene.id);
  });
});
