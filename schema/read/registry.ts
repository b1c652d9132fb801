import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { agreementReadType } from '../agreement/agreement.read';
import { INTERVENTION_ROOTS, interventionReadType } from '../intervention/intervention.read';
import { OPERATOR_ROOTS, operatorReadType } from '../operator/operator.read';
import { SCENE_ROOTS, sceneReadTypes } from '../scene/scene.read';
import type { ReadRegistry } from './read-compiler';

/** Every feature's read types and root fields for the compiled read path, over the built schema and the ORM's metadata. */
export function createReadRegistry(schema: GraphQLSchema, orm: MikroORM): ReadRegistry {
  const meta = (name: string) => orm.getMetadata().find(name)!;
  const types = [
    ...sceneReadTypes(schema, meta),
    interventionReadType(schema, meta('Intervention')),
    operatorReadType(schema, meta('Operator')),
    agreementReadType(schema, meta('Agreement')),
  ];
  return {
    types: new Map(types.map((type) => [type.name, type])),
    roots: { ...SCENE_ROOTS, ...INTERVENTION_ROOTS, ...OPERATOR_ROOTS },
  };
}
