import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000Initial } from './Migration20261122000000Initial';
import { Migration20261123000000GeographyIndexes } from './Migration20261123000000GeographyIndexes';
import { Migration20261123010000Indicators } from './Migration20261123010000Indicators';
import { Migration20261123020000StoredAreas } from './Migration20261123020000StoredAreas';
import { Migration20261123030000StatusEvents } from './Migration20261123030000StatusEvents';
import { Migration20261123040000RowSecurity } from './Migration20261123040000RowSecurity';
import { Migration20261129000000AlignSceneVersions } from './Migration20261129000000AlignSceneVersions';
import { Migration20261129010000RateLimit } from './Migration20261129010000RateLimit';
import { Migration20261201000000PartyConsent } from './Migration20261201000000PartyConsent';
import { Migration20261201010000FastReadPolicy } from './Migration20261201010000FastReadPolicy';
import { Migration20261202000000GeometryValidOnce } from './Migration20261202000000GeometryValidOnce';
import { Migration20261202010000SceneVersions } from './Migration20261202010000SceneVersions';
import { Migration20261202020000AgreementInterventionVersions } from './Migration20261202020000AgreementInterventionVersions';
import { Migration20261202030000VersionReadIndexes } from './Migration20261202030000VersionReadIndexes';
import { Migration20261202040000ChangeLog } from './Migration20261202040000ChangeLog';
import { Migration20261202170000LogHeads } from './Migration20261202170000LogHeads';

/** Migrations in order. Listed explicitly so they run the same from TypeScript and compiled JS. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122000000Initial', class: Migration20261122000000Initial },
  { name: 'Migration20261123000000GeographyIndexes', class: Migration20261123000000GeographyIndexes },
  { name: 'Migration20261123010000Indicators', class: Migration20261123010000Indicators },
  { name: 'Migration20261123020000StoredAreas', class: Migration20261123020000StoredAreas },
  { name: 'Migration20261123030000StatusEvents', class: Migration20261123030000StatusEvents },
  { name: 'Migration20261123040000RowSecurity', class: Migration20261123040000RowSecurity },
  { name: 'Migration20261129000000AlignSceneVersions', class: Migration20261129000000AlignSceneVersions },
  { name: 'Migration20261129010000RateLimit', class: Migration20261129010000RateLimit },
  { name: 'Migration20261201000000PartyConsent', class: Migration20261201000000PartyConsent },
  { name: 'Migration20261201010000FastReadPolicy', class: Migration20261201010000FastReadPolicy },
  { name: 'Migration20261202000000GeometryValidOnce', class: Migration20261202000000GeometryValidOnce },
  { name: 'Migration20261202010000SceneVersions', class: Migration20261202010000SceneVersions },
  { name: 'Migration20261202020000AgreementInterventionVersions', class: Migration20261202020000AgreementInterventionVersions },
  { name: 'Migration20261202030000VersionReadIndexes', class: Migration20261202030000VersionReadIndexes },
  { name: 'Migration20261202040000ChangeLog', class: Migration20261202040000ChangeLog },
  { name: 'Migration20261202170000LogHeads', class: Migration20261202170000LogHeads },
];
