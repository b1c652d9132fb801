import { registerEnumType } from 'type-graphql';

/** A scene's lifecycle (shared/domain.md). Only SceneService changes it, through the transition table. */
export enum SceneStatus {
  EMERGING = 'EMERGING',
  ACTIVE = 'ACTIVE',
  MONITORING = 'MONITORING',
  CLOSED = 'CLOSED',
}

registerEnumType(SceneStatus, {
  name: 'SceneStatus',
  valuesConfig: {
    EMERGING: { description: 'Reported, being assessed' },
    ACTIVE: { description: 'Classified as an open drug scene' },
    MONITORING: { description: 'Classification removed, still followed up so it does not come back' },
    CLOSED: { description: 'No longer followed' },
  },
});

/**
 * Allowed moves. ACTIVE → MONITORING is a de-classification, MONITORING → ACTIVE a resurgence,
 * EMERGING → CLOSED a dismissal; CLOSED is final.
 */
export const SCENE_TRANSITIONS: Readonly<Record<SceneStatus, readonly SceneStatus[]>> = {
  [SceneStatus.EMERGING]: [SceneStatus.ACTIVE, SceneStatus.CLOSED],
  [SceneStatus.ACTIVE]: [SceneStatus.MONITORING],
  [SceneStatus.MONITORING]: [SceneStatus.ACTIVE, SceneStatus.CLOSED],
  [SceneStatus.CLOSED]: [],
};

export function allowedTransitions(from: SceneStatus): readonly SceneStatus[] {
  return SCENE_TRANSITIONS[from];
}

export function canTransition(from: SceneStatus, to: SceneStatus): boolean {
  return SCENE_TRANSITIONS[from].includes(to);
}
