import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

/** Every ```graphql block of the README is valid against the printed schema, so a reader's first copy-paste runs. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS module of the build
const { readmeExamples } = require('../../../scripts/readme-examples') as {
  readmeExamples(markdown: string): Array<{ title: string; query: string }>;
};
const ROOT = join(__dirname, '..', '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));

it('finds the README’s examples', () => {
  expect(examples.length).toBeGreaterThan(10);
});

it.each(examples.map((example) => [example.title, example.query] as const))('%s: valid against the schema', (_title, query) => {
  expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
});
