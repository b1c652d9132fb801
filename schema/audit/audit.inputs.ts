import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Which audit entries; all given conditions must hold' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Made by a caller of this operator' }) operatorId?: string;
  @Field({ nullable: true, description: 'The token subject' }) subject?: string;
  @Field(() => [String], { nullable: true, description: 'Mutation names, e.g. updateIntervention' }) operation?: string[];
  @Field(() => ID, { nullable: true, description: 'Touched this entity' }) entityId?: string;
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}
