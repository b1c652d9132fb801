import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type PubSub } from 'type-graphql';
import { AgreementPartyResolver, AgreementResolver } from './agreement/agreement.resolver';
import { CoverageResolver } from './agreement/coverage.resolver';
import { RequireViewer } from './auth/require-viewer.middleware';
import { AuditMutations } from './audit/audit-trail';
import { ViewerScope } from './auth/viewer-scope.middleware';
import { AuditResolver } from './audit/audit.resolver';
import { SceneIndicatorResolver } from './indicator/indicator.resolver';
import { SceneStatusResolver } from './live/scene-status.resolver';
import { InterventionResolver } from './intervention/intervention.resolver';
import { OperatorResolver } from './operator/operator.resolver';
import { SceneStatusChangeResolver } from './scene/scene-status-change.resolver';
import { SceneAnalysisResolver } from './scene/scene-analysis.resolver';
import { SceneResolver } from './scene/scene.resolver';

export const RESOLVERS = [
  SceneResolver,
  SceneAnalysisResolver,
  SceneStatusChangeResolver,
  OperatorResolver,
  AgreementResolver,
  AgreementPartyResolver,
  CoverageResolver,
  InterventionResolver,
  SceneIndicatorResolver,
  SceneStatusResolver,
  AuditResolver,
] as const;

/**
 * type-graphql insists on a PubSub once there is a subscription, but ours reads the status-event
 * hub through its own `subscribe` function; topic publishing is not part of the design.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Topic publishing is not used: status events go through the outbox and StatusEventHub');
  },
  subscribe() {
    throw new Error('Topic subscriptions are not used: see SceneStatusResolver');
  },
};

/** Builds the executable GraphQL schema. Every root field needs a verified token (RequireViewer). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: false, // inputs are checked by the services, which answer with the contract's error codes
    globalMiddlewares: [RequireViewer, ViewerScope, AuditMutations],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  });
}
