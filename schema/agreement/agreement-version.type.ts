import { Field, ObjectType } from 'type-graphql';
import { recordVersionFields, RecordVersion } from '../shared/record-version';
import { agreementAsOf } from './agreement-as-of';
import type { AgreementVersionRow } from './agreement-versions';
import { Agreement } from './agreement.entity';

@ObjectType({
  description: 'One version of an agreement: a change, when it took effect, who recorded it, and the agreement as it then stood',
})
export class AgreementVersion extends RecordVersion {
  @Field(() => Agreement, { description: 'The agreement as it stood in this version, with its parties, commitments and scenes then' })
  agreement!: Agreement;
}

/** A version row as the GraphQL type AgreementVersion. */
export function agreementVersionOf(row: AgreementVersionRow): AgreementVersion {
  return Object.assign(new AgreementVersion(), recordVersionFields(row), { agreement: agreementAsOf(row, null) });
}
