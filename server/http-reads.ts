import type { RequestHandler } from 'express';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import Negotiator from 'negotiator';
import type { Viewer } from '../schema/auth/role';
import type { Admission } from './operation/admit';
import type { CompiledReads } from './operation/compiled-read';
import type { DocumentCache } from './operation/documents';

/** The media types a GraphQL answer over HTTP may have, as Apollo Server names and chooses them. */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

/** What the fast lane leaves for Apollo in `res.locals` when it hands a request on. */
export interface HandedOn {
  /** The caller, when the token was verified here (it is not verified twice). */
  viewer?: Viewer | null;
  /** The operation's admission, when it ran here (its rate limit is not drawn twice). */
  admission?: Promise<void>;
  /** Set when the compiled read path was tried here and did not answer: Apollo does not try it again. */
  compiledReadTried?: boolean;
}

export interface HttpReadsOptions {
  schema: GraphQLSchema;
  documents: DocumentCache;
  authenticate(authorization: string | undefined): Promise<Viewer | null>;
  admit: Admission;
  answer: CompiledReads;
}

/**
 * The fast lane of POST /graphql, in front of Apollo Server: a query that the compiled read path
 * answers (server/operation/compiled-read.ts) is verified, admitted and answered here, and its
 * JSON written as PostgreSQL wrote it, with the status, type and body Apollo would send. Any
 * other request (a mutation, an error, a field the compiled path does not write, a persisted
 * query, an Accept header Apollo answers with 406) goes on to Apollo, with what was already done
 * here (`res.locals`, HandedOn) so that nothing runs twice.
 */
export function httpReads({ schema, documents, authenticate, admit, answer }: HttpReadsOptions): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
    if (req.method !== 'POST' || typeof body?.query !== 'string' || body.extensions !== undefined) return next();
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    if (body.operationName != null && operationName === undefined) return next();
    const variables = body.variables ?? undefined;
    if (variables !== undefined && (typeof variables !== 'object' || variables === null || Array.isArray(variables))) return next();
    const contentType = responseType(req.headers.accept);
    const { document } = documents(body.query);
    if (!contentType || !document || getOperationAST(document, operationName)?.operation !== 'query') return next();
    const handedOn = res.locals as HandedOn;
    void (async () => {
      const viewer = await authenticate(req.headers.authorization).catch(() => undefined);
      if (viewer === undefined) return next(); // Apollo answers UNAUTHENTICATED
      handedOn.viewer = viewer;
      const request = { schema, document, operationName, variables: variables as Record<string, unknown> | undefined, viewer };
      handedOn.admission = admit({ ...request, transport: 'http' });
      const admitted = await handedOn.admission.then(
        () => true,
        () => false,
      );
      if (!admitted) return next();
      handedOn.compiledReadTried = true;
      const data = await answer(request);
      if (data === null) return next();
      // Written as it is: express's send would also hash the body for an ETag no POST needs.
      const json = `{"data":${data}}\n`;
      res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(json) }).end(json);
    })().catch(next);
  };
}

/** The answer's media type for an Accept header, as Apollo Server chooses it; null when Apollo would answer 406. */
function responseType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([
    JSON_TYPE,
    GRAPHQL_RESPONSE_TYPE,
    'application/json; callbackSpec=1.0; charset=utf-8',
  ]);
  return preferred === JSON_TYPE || preferred === GRAPHQL_RESPONSE_TYPE ? preferred : null;
}
