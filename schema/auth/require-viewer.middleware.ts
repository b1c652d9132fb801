import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../shared/context';
import { requireViewer } from './auth.guard';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Every root field needs a verified token; nested fields inherit the check from their root. */
export const RequireViewer: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (ROOT_TYPES.has(info.parentType.name)) requireViewer(context);
  return next();
};
