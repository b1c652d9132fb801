import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** Documents kept once parsed and validated; the oldest is forgotten first beyond this many. */
const KEPT_DOCUMENTS = 1_000;

/** A document as the transports take it: parsed and valid, or the errors to answer with (codes as Apollo gives them). */
export type CheckedDocument = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

/**
 * Parses and validates operation texts against the schema (introspection refused when it is off),
 * keeping the result per text: clients send the same few operations over and over, and the
 * compiled read path and the WebSocket take the same document object each time. Apollo keeps
 * its own store for what it executes.
 */
export function createDocumentCache(schema: GraphQLSchema, introspection: boolean) {
  const rules = introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const kept = new Map<string, CheckedDocument>();
  return function check(query: string): CheckedDocument {
    const known = kept.get(query);
    if (known) return known;
    const checked = parseAndValidate(query);
    if (kept.size >= KEPT_DOCUMENTS) kept.delete(kept.keys().next().value!);
    kept.set(query, checked);
    return checked;
  };

  function parseAndValidate(query: string): CheckedDocument {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
    }
    const invalid = validate(schema, document, rules);
    return invalid.length ? { errors: invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) } : { document };
  }
}

export type DocumentCache = ReturnType<typeof createDocumentCache>;

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}
