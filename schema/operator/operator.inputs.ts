import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OperatorKind } from './operator-kind';

@InputType()
export class CreateOperatorInput {
  @Field() name!: string;
  @Field(() => OperatorKind) kind!: OperatorKind;
  @Field(() => ID, { nullable: true, description: 'The operator this one belongs to, e.g. the police region of a local police area' })
  parentId?: string | null;
  @Field(() => String, { nullable: true }) municipality?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are, null clears parentId and municipality' })
export class UpdateOperatorInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => OperatorKind, { nullable: true }) kind?: OperatorKind;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true }) municipality?: string | null;
}

@InputType()
export class OperatorFilter {
  @Field(() => [OperatorKind], { nullable: true }) kind?: OperatorKind[];
  @Field(() => [String], { nullable: true }) municipality?: string[];
  @Field(() => ID, { nullable: true, description: 'Direct children of this operator' }) parentId?: string;
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name' }) nameContains?: string;
}

export enum OperatorOrderBy {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  KIND_ASC = 'KIND_ASC',
}

registerEnumType(OperatorOrderBy, { name: 'OperatorOrderBy' });
