import 'reflect-metadata';
import './spatial/crs.enum';
import type { GraphQLSchema } from 'graphql';
import { DateTimeScalar } from './shared/date-time.scalar';
import { buildSchema, type PubSub } from 'type-graphql';
import { AgreementPartyResolver, AgreementResolver } from './agreement/agreement.resolver';
import { AgreementHistoryResolver, AgreementVersionResolver } from './agreement/agreement-version.resolver';
import { CoverageResolver } from './agreement/coverage.resolver';
import { auditMutations } from './audit/audit-trail';
import { AuditResolver } from './audit/audit.resolver';
import { SceneIndicatorResolver } from './indicator/indicator.resolver';
import { SceneStatusResolver } from './live/scene-status.resolver';
import {
  AgreementChangeEventResolver,
  ChangeEventResolver,
  CommitmentDueEventResolver,
  InterventionChangeEventResolver,
} from './change/change-event.resolver';
import { WatchAreaAlertResolver, WatchAreaResolver } from './watch-area/watch-area.resolver';
import { InterventionResolver } from './intervention/intervention.resolver';
import { InterventionHistoryResolver, InterventionVersionResolver } from './intervention/intervention-version.resolver';
import { OperatorResolver } from './operator/operator.resolver';
import { SceneStatusChangeResolver } from './scene/scene-status-change.resolver';
import { SceneAnalysisResolver } from './scene/scene-analysis.resolver';
import { SceneResolver } from './scene/scene.resolver';
import { SceneVersionResolver } from './scene/scene-version.resolver';

export const RESOLVERS = [
  SceneResolver,
  SceneVersionResolver,
  SceneAnalysisResolver,
  SceneStatusChangeResolver,
  OperatorResolver,
  AgreementResolver,
  AgreementPartyResolver,
  AgreementHistoryResolver,
  AgreementVersionResolver,
  CoverageResolver,
  InterventionResolver,
  InterventionHistoryResolver,
  InterventionVersionResolver,
  SceneIndicatorResolver,
  SceneStatusResolver,
  ChangeEventResolver,
  InterventionChangeEventResolver,
  AgreementChangeEventResolver,
  CommitmentDueEventResolver,
  WatchAreaResolver,
  WatchAreaAlertResolver,
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

/**
 * Builds the executable GraphQL schema, with no global middleware (one would wrap every field of
 * every answer in promises): who may run an operation is checked once, before it runs
 * (auth/operation-access.ts, called by the server's admission), and mutations are audited by a
 * wrapper on the Mutation fields alone.
 */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: false, // inputs are checked by the services, which answer with the contract's error codes
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  });
  return auditMutations(schema);
}
