/**
 * Import rules, checked by `npm run lint` (dependency-cruiser). The layers, bottom up:
 * db/spatial, db/sql-writer.ts and db/scene-sql.ts (PostGIS and SQL writing) → schema/ (the GraphQL side, its
 * entities and services) → db/'s ORM wiring (configuration, entity list, seeders) → server/.
 * scripts/, bench/ and test/ use any of them.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import loop: two modules (or more) that need each other at run time. Break it by moving what both need below them. ' +
        'A loop closed only by `import type` is allowed: an entity names its typed repository, which knows the entity as a type.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'sql-foundation-stands-alone',
      severity: 'error',
      comment: 'db/spatial, db/sql-writer.ts and db/scene-sql.ts are the bottom layer: they import neither the schema nor the server.',
      from: { path: '^db/(spatial/|sql-writer\\.ts|scene-sql\\.ts)' },
      to: { path: '^(schema|server|scripts|bench|test)/' },
    },
    {
      name: 'schema-knows-no-transport',
      severity: 'error',
      comment: 'schema/ never imports server/: only server/ wires transports (HTTP, WebSocket, routes).',
      from: { path: '^schema/' },
      to: { path: '^server/' },
    },
    {
      name: 'schema-uses-only-the-sql-foundation-of-db',
      severity: 'error',
      comment:
        'From db/, schema/ imports only the SQL foundation (db/spatial, db/sql-writer.ts, db/scene-sql.ts): the ORM wiring imports the schema, not the other way.',
      from: { path: '^schema/' },
      to: { path: '^db/', pathNot: '^db/(spatial/|sql-writer\\.ts|scene-sql\\.ts)' },
    },
    {
      name: 'product-code-imports-no-tests-or-benchmarks',
      severity: 'error',
      from: { path: '^(schema|server|db|scripts)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|client-codegen/generated)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
