import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AgreementPartyResolver, AgreementResolver } from './agreement/agreement.resolver';
import { CoverageResolver } from './agreement/coverage.resolver';
import { RequireViewer } from './auth/require-viewer.middleware';
import { SceneIndicatorResolver } from './indicator/indicator.resolver';
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
] as const;

/** Builds the executable GraphQL schema. Every root field needs a verified token (RequireViewer). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: false, // inputs are checked by the services, which answer with the contract's error codes
    globalMiddlewares: [RequireViewer],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    emitSchemaFile: false,
  });
}
