import { TimestampedEntity, VersionedEntity } from '../schema/shared/base.entity';
import { AgreementParty } from '../schema/agreement/agreement-party.entity';
import { AgreementScene } from '../schema/agreement/agreement-scene.entity';
import { Agreement } from '../schema/agreement/agreement.entity';
import { Commitment } from '../schema/agreement/commitment.entity';
import { Indicator } from '../schema/indicator/indicator.entity';
import { SceneStatusOutbox } from '../schema/live/scene-status-outbox.entity';
import { InterventionOperator } from '../schema/intervention/intervention-operator.entity';
import { InterventionShare } from '../schema/intervention/intervention-share.entity';
import { AuditEntry } from '../schema/audit/audit-entry.entity';
import { Intervention } from '../schema/intervention/intervention.entity';
import { Operator } from '../schema/operator/operator.entity';
import { ProblemProfile } from '../schema/scene/problem-profile.embeddable';
import { SceneStatusChange } from '../schema/scene/scene-status-change.entity';
import { Scene } from '../schema/scene/scene.entity';

/** Every entity, listed once: no folder scanning, so the same list works from TypeScript and compiled JS. */
export const ENTITIES = [
  TimestampedEntity,
  VersionedEntity,
  Operator,
  Scene,
  ProblemProfile,
  SceneStatusChange,
  Agreement,
  AgreementParty,
  AgreementScene,
  Commitment,
  Intervention,
  InterventionOperator,
  Indicator,
  SceneStatusOutbox,
  InterventionShare,
  AuditEntry,
];
