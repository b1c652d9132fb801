import type { MikroORM } from '@mikro-orm/postgresql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type pg from 'pg';
import type { QueryObserver } from '../../db/query-observer';
import { readAsViewer } from '../../schema/auth/row-security';
import type { Viewer } from '../../schema/auth/role';
import { compileRead, type ReadRegistry } from '../../schema/read/read-compiler';

/** An operation as the compiled read path takes it. */
export interface ReadRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | null | undefined;
  viewer: Viewer | null;
}

/**
 * The compiled read path (schema/read/): a query operation that compiles is answered by its one
 * statement, in the viewer's transaction as every operation is (row security decides there), on
 * a connection of the ORM's pool but past the ORM, in one message (schema/auth/row-security.ts:
 * readAsViewer). The answer is the `data` object as JSON text, as PostgreSQL wrote it. Answers
 * null, having sent nothing or rolled back, when the operation does not compile or its statement
 * fails or refuses (a folded check): the resolvers then answer it, with their errors.
 */
export function createCompiledReads(orm: MikroORM, registry: ReadRegistry, observe?: QueryObserver) {
  const knex = orm.em.getKnex();
  return async function answer(request: ReadRequest): Promise<string | null> {
    const compiled = compileRead(request.schema, registry, request.document, request.operationName, request.variables);
    if (!compiled) return null;
    const client = (await knex.client.acquireConnection()) as pg.Client;
    try {
      return await readAsViewer(client, request.viewer, compiled.sql, (message) => observe?.(message, []));
    } catch (error) {
      if (process.env.DEBUG_COMPILED_READS === '1') console.warn('[compiled read] statement failed:', (error as Error).message);
      return null;
    } finally {
      await knex.client.releaseConnection(client);
    }
  };
}

export type CompiledReads = ReturnType<typeof createCompiledReads>;
