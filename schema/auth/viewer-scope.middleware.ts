import { getNamedType, isObjectType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../shared/context';
import { ForbiddenError } from '../shared/errors';
import { Role } from './role';

/** What a VIEWER token (a wall-screen board, say) may read: scenes, their status and history, nothing else. */
const VIEWER_OBJECT_TYPES = new Set([
  'Query',
  'Subscription',
  'Scene',
  'SceneConnection',
  'SceneEdge',
  'PageInfo',
  'SceneStatusChange',
  'SceneStatusEvent',
  'SceneDistance',
  'SceneStatisticsGroup',
]);

/** Refuses a VIEWER any field that leads to an object outside scenes (operators, agreements, interventions...). */
export const ViewerScope: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (context.viewer?.role === Role.VIEWER) {
    const type = getNamedType(info.returnType);
    if (isObjectType(type) && !VIEWER_OBJECT_TYPES.has(type.name)) {
      throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} returns ${type.name}; a VIEWER token sees scenes only`);
    }
  }
  return next();
};
