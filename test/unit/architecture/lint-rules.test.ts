import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run lint` keeps the rooms apart: these run the project's own ESLint and dependency-cruiser
 * configurations against code that breaks them, and against code that does not.
 */
const root = path.resolve(__dirname, '../../..');

describe('the PostGIS lint rule', () => {
  /** What the project's ESLint says of `code` as if it were the file `filePath` (through the CLI: ESLint loads its configuration by a dynamic import, which jest's module system refuses). */
  const postgisMessages = async (code: string, filePath: string) => {
    const eslint = spawnSync(
      path.join(root, 'node_modules/.bin/eslint'),
      ['--format', 'json', '--stdin', '--stdin-filename', path.join(root, filePath)],
      { cwd: root, input: code, encoding: 'utf8' },
    );
    const [result] = JSON.parse(eslint.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
    return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
  };

  it('refuses a PostGIS function in SQL text outside db/spatial', async () => {
    const code = "export const sql = 'select ST_Buffer(area, 10) from scene';\n";
    expect(await postgisMessages(code, 'schema/scene/buffer.ts')).toEqual([
      'PostGIS functions belong in db/spatial/: write the SQL there and call it from here.',
    ]);
    const template = 'export const sql = (alias: string) => `select ST_Area(${alias}.area)`;\n';
    expect(await postgisMessages(template, 'server/routes/area.ts')).toHaveLength(1);
  });

  it('lets db/spatial and the migrations speak PostGIS', async () => {
    const code = "export const sql = 'select ST_Buffer(area, 10) from scene';\n";
    expect(await postgisMessages(code, 'db/spatial/buffer.ts')).toEqual([]);
    expect(await postgisMessages(code, 'db/migrations/Migration20990101000000Buffer.ts')).toEqual([]);
  });
});

describe('the import rules', () => {
  /** The violations dependency-cruiser finds in test/fixtures/import-rules, as "rule: from -> to". */
  function violations(): string[] {
    const fixture = path.join(root, 'test/fixtures/import-rules');
    const output = execFileSync(
      path.join(root, 'node_modules/.bin/depcruise'),
      ['--config', path.join(root, '.dependency-cruiser.js'), '--output-type', 'json', 'schema', 'server', 'db'],
      { cwd: fixture, encoding: 'utf8' },
    );
    const report = JSON.parse(output) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
  }

  it('fail on an import loop between folders, a layer breach and the foundation reaching up, and allow a type-only loop', () => {
    expect(violations()).toEqual([
      'no-circular: schema/scene/scene.service.ts -> server/app.ts',
      'schema-knows-no-transport: schema/scene/scene.service.ts -> server/app.ts',
      'sql-foundation-stands-alone: db/spatial/crs.ts -> schema/scene/scene.entity.ts',
    ]);
  });
});
