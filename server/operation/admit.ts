import { getOperationAST, Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { assertMayRun } from '../../schema/auth/operation-access';
import type { Viewer } from '../../schema/auth/role';
import { InvalidRequestError } from '../../schema/shared/errors';
import { assertWithinLimits, type QueryLimits } from '../limits/query-limits';
import type { RateLimiter } from '../limits/rate-limiter';

/** The transport an operation came by: subscriptions need a socket. */
export type Transport = 'http' | 'websocket';

/** An operation as both transports hand it over, parsed and validated, not yet run. */
export interface OperationRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown> | null | undefined;
  operationName: string | null | undefined;
  viewer: Viewer | null;
  transport: Transport;
}

/**
 * What every GraphQL operation passes before it runs, over HTTP and the WebSocket alike, in this
 * order: a token for every root field and a VIEWER's scenes-only scope (UNAUTHENTICATED 401,
 * FORBIDDEN 403; schema/auth/operation-access.ts), the per-token rate limit (RATE_LIMITED, 429),
 * subscriptions only over the socket, no NUL character in any string (PostgreSQL text cannot
 * hold one), and the depth, alias and cost limits (QUERY_TOO_COMPLEX). Each refusal is a GraphQL
 * error of the contract with its HTTP status (400 unless said), and nothing has run yet.
 */
export function createAdmission(limits: QueryLimits, rateLimiter: RateLimiter) {
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return async function admit(request: OperationRequest): Promise<void> {
    assertMayRun(request.schema, request.document, request.operationName, request.viewer);
    await rateLimiter.consume(request.viewer);
    if (request.transport === 'http' && getOperationAST(request.document, request.operationName)?.operation === 'subscription') {
      throw new InvalidRequestError(
        'Subscriptions run over the WebSocket at /graphql (subprotocol graphql-transport-ws); HTTP takes queries and mutations',
      );
    }
    assertDocumentWithinBounds(request, limits, passed);
  };
}

export type Admission = ReturnType<typeof createAdmission>;

// Private:

/** Variants (operation name and variables) remembered per document; beyond that the set starts again. */
const PASSED_VARIANTS = 100;

/**
 * No NUL character, and within the depth, alias and cost limits: checked once per document,
 * operation name and variables (`passed` remembers those that passed; the same operations repeat).
 */
function assertDocumentWithinBounds(request: OperationRequest, limits: QueryLimits, passed: WeakMap<DocumentNode, Set<string>>): void {
  const variant = `${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? null)}`;
  let variants = passed.get(request.document);
  if (variants?.has(variant)) return;
  assertNoNulCharacter(request.document, request.variables);
  assertWithinLimits(request.schema, request.document, request.variables ?? undefined, request.operationName, limits);
  if (!variants || variants.size >= PASSED_VARIANTS) passed.set(request.document, (variants = new Set()));
  variants.add(variant);
}

/** Refuses U+0000 in the document's string literals and anywhere in the variables (keys included). */
function assertNoNulCharacter(document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes('\0')) throw nulRefused('a string in the query');
    },
  });
  const path = nulPath(variables, '$');
  if (path) throw nulRefused(path);
}

/** The path of the first string holding U+0000 in a JSON value, or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\0') ? `${path} (a key)` : nulPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function nulRefused(where: string): InvalidRequestError {
  return new InvalidRequestError(
    `Text must not contain the NUL character (U+0000); found in ${where}`,
    where.startsWith('$') ? where : undefined,
  );
}
