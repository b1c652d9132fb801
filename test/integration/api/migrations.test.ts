import { createTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});

it('leaves nothing for the ORM to change after the migrations (entities and migrations agree)', async () => {
  const diff = await server.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
  expect(diff.trim()).toBe('');
});

it('has a GIST index on every geometry column and an index leading with every foreign key', async () => {
  const em = server.orm.em.fork();
  const geometryWithoutGist = await em.execute(`
    select c.table_name, c.column_name from information_schema.columns c
    where c.table_schema = 'public' and c.udt_name = 'geometry'
      and not exists (
        select 1 from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ix on ix.oid = i.indexrelid
        join pg_am am on am.oid = ix.relam join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
        where t.relname = c.table_name and a.attname = c.column_name and am.amname = 'gist')`);
  expect(geometryWithoutGist).toEqual([]);
  const foreignKeysWithoutIndex = await em.execute(`
    select con.conrelid::regclass::text as table_name, con.conname from pg_constraint con
    where con.contype = 'f' and con.connamespace = 'public'::regnamespace
      and not exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indkey[0] = con.conkey[1])`);
  expect(foreignKeysWithoutIndex).toEqual([]);
});
