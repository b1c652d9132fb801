import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from './errors';

/** How far ahead of this server's clock a moment may be (a client's clock runs ahead). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Names, for the versioned writes that follow in this transaction, when the change took effect in
 * the world (null: now) and who records it. The version triggers read both (migrations
 * SceneVersions and AgreementInterventionVersions). Every versioned write says it, so that no
 * write inherits the moment an earlier mutation of the same request named. Use the transaction's
 * entity manager.
 */
export async function describeChange(em: EntityManager, effectiveAt: Date | null, subject: string): Promise<void> {
  await em.execute(`select set_config('app.effective_at', ?, true), set_config('app.subject', ?, true)`, [
    effectiveAt?.toISOString() ?? '',
    subject,
  ]);
}

/**
 * The moment a change took effect, as the caller gave it (default now).
 * @throws BadUserInputError for a moment in the future
 */
export function checkEffectiveAt(effectiveAt: Date | undefined | null): Date {
  const moment = effectiveAt ?? new Date();
  if (moment.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw new BadUserInputError(`effectiveAt ${moment.toISOString()} is in the future`, 'effectiveAt');
  }
  return moment;
}
