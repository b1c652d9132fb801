import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSchemas, findAcknowledgements, findBreakingChanges, unacknowledged } from '../../scripts/schema-guard';

/** The schema guard's rules (scripts/schema-guard.ts) on small SDL documents; CI runs it on the real history. */
const BEFORE = `
  type Query { scene(id: ID!): Scene }
  type Scene { id: ID! name: String! policeArea: String }
  input SceneFilter { municipality: [String!] }
`;

describe('findBreakingChanges', () => {
  it('reports a removed field as breaking', async () => {
    const after = BEFORE.replace('policeArea: String', '');
    const breaking = await findBreakingChanges(BEFORE, after);
    expect(breaking.map((change) => [change.type, change.path])).toEqual([['FIELD_REMOVED', 'Scene.policeArea']]);
  });

  it('does not report an added optional field or input field as breaking', async () => {
    const after = BEFORE.replace('policeArea: String', 'policeArea: String district: String').replace(
      'municipality: [String!]',
      'municipality: [String!] district: [String!]',
    );
    expect(await findBreakingChanges(BEFORE, after)).toEqual([]);
    expect((await diffSchemas(BEFORE, after)).map((change) => [change.type, change.criticality.level])).toEqual(
      expect.arrayContaining([
        ['FIELD_ADDED', 'NON_BREAKING'],
        ['INPUT_FIELD_ADDED', 'NON_BREAKING'],
      ]),
    );
  });

  it('reports a new required input field and a new required argument as breaking', async () => {
    const after = BEFORE.replace('municipality: [String!]', 'municipality: [String!] district: String!').replace(
      'scene(id: ID!)',
      'scene(id: ID!, crs: String!)',
    );
    expect((await findBreakingChanges(BEFORE, after)).map((change) => change.type).sort()).toEqual([
      'FIELD_ARGUMENT_ADDED',
      'INPUT_FIELD_ADDED',
    ]);
  });

  it('finds nothing between the committed schema and itself', async () => {
    const sdl = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(await diffSchemas(sdl, sdl)).toEqual([]);
  });
});

describe('findAcknowledgements and unacknowledged', () => {
  const changelog = '# Schema changelog\n\n## Unreleased\n';
  const removal = () => findBreakingChanges(BEFORE, BEFORE.replace('policeArea: String', ''));
  const record = (commitMessage: string, newChangelog = changelog, oldChangelog = changelog) => ({
    commitMessages: [commitMessage],
    oldChangelog,
    newChangelog,
  });

  it('leaves a breaking change unrecorded when neither the commit message nor the changelog names it', async () => {
    const texts = findAcknowledgements(record('Remove policeArea'));
    expect(texts).toEqual([]);
    expect(unacknowledged(await removal(), texts)).toHaveLength(1);
  });

  it('accepts a Breaking-schema-change line in the commit message that names the path', async () => {
    const texts = findAcknowledgements(
      record('Remove policeArea\n\nBreaking-schema-change: Scene.policeArea removed, unused since 2024\n'),
    );
    expect(texts).toEqual(['Breaking-schema-change: Scene.policeArea removed, unused since 2024']);
    expect(unacknowledged(await removal(), texts)).toEqual([]);
  });

  it('ignores a Breaking-schema-change line without text, or not at the start of a line', () => {
    for (const message of [
      'Remove policeArea\n\nBreaking-schema-change:\n',
      'Remove policeArea\n\nBreaking-schema-change:\nSigned-off-by: A <a@example.org>\n',
      'Remove it (see Breaking-schema-change: Scene.policeArea)',
    ])
      expect(findAcknowledgements(record(message))).toEqual([]);
  });

  it('accepts a "- BREAKING:" changelog entry added since the base that names the path', async () => {
    const entry = '- BREAKING: Scene.policeArea removed; read Scene.district instead';
    const texts = findAcknowledgements(record('Remove policeArea', `${changelog}\n${entry}\n`));
    expect(texts).toEqual([entry]);
    expect(unacknowledged(await removal(), texts)).toEqual([]);
  });

  it('does not accept an entry without text, one already there at the base, or one about another path', async () => {
    const old = `${changelog}\n- BREAKING: Scene.policeArea removed\n`;
    expect(findAcknowledgements(record('x', `${changelog}\n- BREAKING:\n`))).toEqual([]);
    expect(findAcknowledgements(record('x', old, old))).toEqual([]);
    const other = findAcknowledgements(record('x', `${changelog}\n- BREAKING: Scene.policeAreaCode removed\n`));
    expect(unacknowledged(await removal(), other)).toHaveLength(1);
  });
});

describe('npm run schema:guard -- --history, on a real git history', () => {
  const script = join(__dirname, '..', '..', 'scripts', 'schema-guard.ts');
  const tsNode = require.resolve('ts-node/register/transpile-only');
  let repo: string;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  const commit = (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(repo, path), text);
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  const project = join(__dirname, '..', '..', 'tsconfig.json');
  const guard = () =>
    spawnSync(process.execPath, ['-r', tsNode, script, '--history'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_PROJECT: project },
    });

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'schema-guard-'));
    mkdirSync(join(repo, 'schema'));
    git('init', '-q');
    git('config', 'user.email', 'ci@example.org');
    git('config', 'user.name', 'CI');
    commit({ 'schema/schema.graphql': BEFORE }, 'Schema before the guard');
    commit({ 'schema/CHANGELOG.md': '# Schema changelog\n' }, 'Start the schema guard');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('fails on an unrecorded breaking change in the middle of the history, not only in the last commit', () => {
    commit({ 'schema/schema.graphql': BEFORE.replace('policeArea: String', '') }, 'Remove policeArea');
    commit({ 'README.md': 'docs' }, 'A later commit that does not touch the schema');
    const result = guard();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/UNRECORDED\s+Field 'policeArea' was removed from object type 'Scene'/);
  });

  it('passes when the commit message or a later changelog entry records it, and on additions', () => {
    commit({ 'schema/schema.graphql': BEFORE.replace('policeArea: String', 'policeArea: String district: String') }, 'Add district');
    commit(
      { 'schema/schema.graphql': BEFORE.replace('policeArea: String', 'district: String') },
      'Remove policeArea\n\nBreaking-schema-change: Scene.policeArea removed; use district\n',
    );
    const replaced = BEFORE.replace('policeArea: String', 'district: String').replace('municipality: [String!]', 'x: Int');
    commit({ 'schema/schema.graphql': replaced }, 'Replace filter');
    expect(guard().status).toBe(1);
    commit({ 'schema/CHANGELOG.md': '# Schema changelog\n\n- BREAKING: SceneFilter.municipality replaced by x\n' }, 'Record it');
    const result = guard();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 comparison(s)');
  });
});
