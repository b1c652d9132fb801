import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSchemas, findAcknowledgement, findBreakingChanges } from '../../scripts/schema-guard';

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

describe('findAcknowledgement', () => {
  const changelog = '# Schema changelog\n\n## Unreleased\n';

  it('is null when neither the commit message nor the changelog records the change', () => {
    expect(findAcknowledgement({ commitMessage: 'Remove policeArea', oldChangelog: changelog, newChangelog: changelog })).toBeNull();
  });

  it('accepts a Breaking-schema-change line in the commit message', () => {
    const commitMessage = 'Remove policeArea\n\nBreaking-schema-change: Scene.policeArea removed, unused since 2024\n';
    expect(findAcknowledgement({ commitMessage, oldChangelog: '', newChangelog: '' })).toBe(
      'commit message: Breaking-schema-change: Scene.policeArea removed, unused since 2024',
    );
  });

  it('ignores a Breaking-schema-change line without text, or not at the start of a line', () => {
    for (const commitMessage of [
      'Remove policeArea\n\nBreaking-schema-change:\n',
      'Remove policeArea\n\nBreaking-schema-change:\nSigned-off-by: A <a@example.org>\n',
      'Remove it (see Breaking-schema-change: notes)',
    ])
      expect(findAcknowledgement({ commitMessage, oldChangelog: '', newChangelog: '' })).toBeNull();
  });

  it('accepts a "- BREAKING:" changelog entry added since the base', () => {
    const entry = '- BREAKING: Scene.policeArea removed; read Scene.district instead';
    expect(
      findAcknowledgement({ commitMessage: 'Remove policeArea', oldChangelog: changelog, newChangelog: `${changelog}\n${entry}\n` }),
    ).toBe(`schema/CHANGELOG.md: ${entry}`);
  });

  it('does not accept a "- BREAKING:" entry without text', () => {
    expect(
      findAcknowledgement({ commitMessage: 'Remove policeArea', oldChangelog: changelog, newChangelog: `${changelog}\n- BREAKING:\n` }),
    ).toBeNull();
  });

  it('does not accept a "- BREAKING:" entry that was already there at the base', () => {
    const old = `${changelog}\n- BREAKING: Operator.type renamed to kind\n`;
    expect(findAcknowledgement({ commitMessage: 'Remove policeArea', oldChangelog: old, newChangelog: old })).toBeNull();
  });
});
