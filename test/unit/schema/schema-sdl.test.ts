import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../../../schema/print';

it('keeps schema/schema.graphql equal to the schema the server builds (run `npm run schema:print`)', async () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(await printApiSchema()).toBe(committed);
});
