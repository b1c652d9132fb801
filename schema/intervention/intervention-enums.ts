import { registerEnumType } from 'type-graphql';

/** The evaluation report's method groups (shared/domain.md). */
export enum InterventionCategory {
  FORMAL_CONTROL = 'FORMAL_CONTROL',
  INFORMAL_CONTROL = 'INFORMAL_CONTROL',
  SITUATIONAL_PREVENTION = 'SITUATIONAL_PREVENTION',
  SOCIAL_PREVENTION = 'SOCIAL_PREVENTION',
}

registerEnumType(InterventionCategory, { name: 'InterventionCategory' });

export enum Sensitivity {
  OPEN = 'OPEN',
  PARTNERS = 'PARTNERS',
  RESTRICTED = 'RESTRICTED',
}

registerEnumType(Sensitivity, {
  name: 'Sensitivity',
  valuesConfig: {
    OPEN: { description: 'Every authenticated caller' },
    PARTNERS: { description: 'Operators sharing an agreement with the owner that covers the scene' },
    RESTRICTED: { description: 'The owner and the operators it shares with explicitly' },
  },
});
