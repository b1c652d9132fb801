import { Field, Float, ObjectType } from 'type-graphql';
import { Intervention } from '../intervention/intervention.entity';
import { Scene } from '../scene/scene.entity';
import { AgreementKind } from './agreement-kind';
import { Agreement } from './agreement.entity';

@ObjectType({ description: 'An agreement area over a scene, and how much of the scene it covers' })
export class AgreementCover {
  @Field(() => Agreement) agreement!: Agreement;
  @Field(() => Float, { description: 'Share of the scene’s area inside this agreement’s area, 0..1' }) fraction!: number;
}

@ObjectType({ description: 'How much of a scene valid agreement areas of the asked kinds cover' })
export class SceneCoverage {
  @Field(() => Scene) scene!: Scene;
  @Field(() => Float, { description: 'Share of the scene’s area inside the union of the agreement areas, 0..1' }) fraction!: number;
  @Field(() => Float, { description: 'Covered area on the spheroid, in square metres' }) coveredSquareMeters!: number;
  @Field(() => [AgreementCover], { description: 'Each covering agreement, largest share first' }) agreements!: AgreementCover[];
}

@ObjectType({ description: 'An intervention that needs a mandate but lies outside every valid mandate of that kind' })
export class MandateGap {
  @Field(() => Intervention) intervention!: Intervention;
  @Field(() => AgreementKind, { description: 'The kind of agreement it needs: GUARD_MANDATE or CAMERA_PERMIT' })
  requiredKind!: AgreementKind;
  @Field(() => Float, {
    description: 'Share of its location inside valid mandates of that kind (0 for a point outside; lines and areas may be partly inside)',
  })
  coveredFraction!: number;
}
