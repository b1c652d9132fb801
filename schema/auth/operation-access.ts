import {
  getNamedType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ApiError, ErrorCode } from '../shared/errors';
import { Role, type Viewer } from './role';

/** What a VIEWER token (a wall-screen board, say) may read: scenes, their status and history, nothing else. */
const VIEWER_OBJECT_TYPES = new Set([
  'Query',
  'Subscription',
  'Scene',
  'SceneConnection',
  'SceneEdge',
  'PageInfo',
  'SceneStatusChange',
  'SceneStatusChangeConnection',
  'SceneStatusChangeEdge',
  'SceneStatusEvent',
  'SceneDistance',
  'SceneStatisticsGroup',
]);

/** Root fields anyone may select: the type name and introspection (off in production). */
const OPEN_ROOT_FIELDS = new Set(['__typename', '__schema', '__type']);

/**
 * Who may run an operation, decided once from its document before it runs, instead of in a
 * middleware around every field: every root field but `__typename` and introspection needs a
 * verified token (UNAUTHENTICATED, HTTP 401), and a VIEWER may select nothing that leads to an
 * object outside scenes (FORBIDDEN, HTTP 403), through fragments too.
 */
export function assertMayRun(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  viewer: Viewer | null,
): void {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  if (!operation) return; // graphql-js reports the unknown operation
  if (!viewer) {
    const guarded = operation.selectionSet.selections.some(
      (selection) => selection.kind !== Kind.FIELD || !OPEN_ROOT_FIELDS.has(selection.name.value),
    );
    if (guarded)
      throw new OperationRefusedError('Authentication required: send "Authorization: Bearer <token>"', ErrorCode.UNAUTHENTICATED, 401);
    return;
  }
  if (viewer.role === Role.VIEWER) assertViewerScope(schema, document);
}

/** An operation refused as a whole before it runs; `status` is the HTTP status (Apollo takes it from `http`). */
export class OperationRefusedError extends ApiError {
  constructor(message: string, code: ErrorCode, status: number) {
    super(message, code, { http: { status } });
  }
}

// Private:

function assertViewerScope(schema: GraphQLSchema, document: DocumentNode): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : null;
        if (named && isObjectType(named) && !named.name.startsWith('__') && !VIEWER_OBJECT_TYPES.has(named.name)) {
          const parent = typeInfo.getParentType()?.name ?? '?';
          throw new OperationRefusedError(
            `${parent}.${node.name.value} returns ${named.name}; a VIEWER token sees scenes only`,
            ErrorCode.FORBIDDEN,
            403,
          );
        }
      },
    }),
  );
}
