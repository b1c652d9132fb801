import { Migration } from '@mikro-orm/migrations';

/**
 * Party consent: a party to an agreement is PENDING until an EDITOR or ADMIN of that operator
 * accepts, and PARTNERS visibility follows ACCEPTED parties only. Before this, a security
 * company could name itself and the police on an agreement and read the police's PARTNERS
 * interventions at once. Existing parties are taken as ACCEPTED (they were recorded under the old
 * rule; the audit trail shows who named them).
 */
export class Migration20261201000000PartyConsent extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "agreement_party" add column "status" text check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'ACCEPTED', add column "responded_at" timestamptz null, add column "responded_by" text null`,
    );
    this.addSql(`alter table "agreement_party" alter column "status" set default 'PENDING'`);
    this.addSql(visibleFunction(`and mine.status = 'ACCEPTED'`, `and theirs.status = 'ACCEPTED'`));
  }

  override async down(): Promise<void> {
    this.addSql(visibleFunction('', ''));
    this.addSql(`alter table "agreement_party" drop column "status", drop column "responded_at", drop column "responded_by"`);
  }
}

/** The row-security rule of Migration20261123040000RowSecurity, with conditions on both parties. */
export function visibleFunction(mine: string, theirs: string): string {
  return `create or replace function intervention_visible(p_id uuid, p_owner uuid, p_sensitivity text, p_scene uuid, p_starts timestamptz, p_ends timestamptz) returns boolean
    language sql stable as $$
    select case
      when current_setting('app.role', true) = 'ADMIN' then true
      when coalesce(current_setting('app.role', true), '') not in ('EDITOR', 'ANALYST') then false
      when p_owner = nullif(current_setting('app.operator_id', true), '')::uuid then true
      when p_sensitivity = 'OPEN' then true
      when p_sensitivity = 'PARTNERS' then exists (
        select 1
          from agreement_scene covered
          join agreement a on a.id = covered.agreement_id
           and a.valid_from <= coalesce(p_ends, 'infinity')::date and (a.valid_to is null or a.valid_to >= p_starts::date)
          join agreement_party mine on mine.agreement_id = a.id
           and mine.operator_id = nullif(current_setting('app.operator_id', true), '')::uuid ${mine}
          join agreement_party theirs on theirs.agreement_id = a.id and theirs.operator_id = p_owner ${theirs}
         where covered.scene_id = p_scene)
      else exists (
        select 1 from intervention_share share
         where share.intervention_id = p_id
           and share.operator_id = nullif(current_setting('app.operator_id', true), '')::uuid)
    end $$`;
}
