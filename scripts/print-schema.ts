/** `npm run schema:print`: writes schema/schema.graphql, the SDL of the served schema (committed; a test compares). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../schema/print';

printApiSchema()
  .then((sdl) => {
    writeFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), sdl);
    console.log('schema/schema.graphql written');
  })
  .catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });
