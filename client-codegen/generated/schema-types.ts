/* eslint-disable */
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** An RFC 7946 GeoJSON geometry object. Coordinates are x,y (longitude/easting first) in the CRS named by the sibling `crs` argument (default EPSG_4326). */
  GeoJSON: { input: { type: string; coordinates: unknown }; output: { type: string; coordinates: unknown }; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

export type AddAgreementPartyInput = {
  agreementId: Scalars['ID']['input'];
  operatorId: Scalars['ID']['input'];
  role?: InputMaybe<Scalars['String']['input']>;
};

export type AddCommitmentInput = {
  agreementId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
  dueDate?: InputMaybe<Scalars['LocalDate']['input']>;
  status?: CommitmentStatus;
};

/** A partnership agreement between operators about one or more scenes */
export type Agreement = {
  __typename?: 'Agreement';
  /** Where the agreement applies, a MultiPolygon */
  area?: Maybe<Scalars['GeoJSON']['output']>;
  /** Area on the spheroid, in square metres; null without an area */
  areaSquareMeters?: Maybe<Scalars['Float']['output']>;
  /** The area’s centroid, a Point; null without an area */
  centroid?: Maybe<Scalars['GeoJSON']['output']>;
  commitments: Array<Commitment>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Interventions carried out under this agreement, a page at a time (newest first by default) */
  interventions: InterventionConnection;
  /** Valid on the Stockholm calendar day of `at` (default now) */
  isActive: Scalars['Boolean']['output'];
  kind: AgreementKind;
  parties: Array<AgreementParty>;
  /** Perimeter on the spheroid, in metres; null without an area */
  perimeterMeters?: Maybe<Scalars['Float']['output']>;
  scenes: Array<Scene>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** First day of validity */
  validFrom: Scalars['LocalDate']['output'];
  /** Last day of validity (inclusive); null = open-ended */
  validTo?: Maybe<Scalars['LocalDate']['output']>;
  /** Optimistic-concurrency version; pass it as expectedVersion when changing this object. On an object read as it stood (`at` or `asRecordedAt`), the number of that version in its `versions` instead, which expectedVersion does not take */
  version: Scalars['Int']['output'];
  /** Every version of the agreement (kind, title, validity, area, parties, commitments, scenes), oldest first */
  versions: Array<AgreementVersion>;
};


/** A partnership agreement between operators about one or more scenes */
export type AgreementAreaArgs = {
  crs?: Crs;
};


/** A partnership agreement between operators about one or more scenes */
export type AgreementCentroidArgs = {
  crs?: Crs;
};


/** A partnership agreement between operators about one or more scenes */
export type AgreementInterventionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InterventionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InterventionOrderBy;
};


/** A partnership agreement between operators about one or more scenes */
export type AgreementIsActiveArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AgreementChange =
  | 'CHANGED'
  | 'CREATED'
  | 'DELETED'
  /** The day has come when the agreement ends within the days a subscriber asked for */
  | 'EXPIRING';

/** A committed change of an agreement, or the day it comes within the days asked of its end */
export type AgreementChangeEvent = {
  __typename?: 'AgreementChangeEvent';
  /** The agreement as it is now */
  agreement?: Maybe<Agreement>;
  agreementId: Scalars['ID']['output'];
  /** Its area as this change left it */
  area?: Maybe<Scalars['GeoJSON']['output']>;
  change: AgreementChange;
  /** When the change took effect (a notice: when it was given) */
  changedAt: Scalars['DateTime']['output'];
  /** Subject (user) who made the change */
  changedBy?: Maybe<Scalars['String']['output']>;
  changedByOperator?: Maybe<Operator>;
  /** The fields this change set (GraphQL names) */
  changedFields: Array<Scalars['String']['output']>;
  /** EXPIRING: days from the notice to validTo (0: it ends today) */
  daysLeft?: Maybe<Scalars['Int']['output']>;
  /** Increases with every committed change; pass the last one seen as `after` to resume */
  id: Scalars['ID']['output'];
  kind: AgreementKind;
  /** When the platform recorded it */
  recordedAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
  /** Its last day in force */
  validTo?: Maybe<Scalars['LocalDate']['output']>;
  /** The version this change made, or the latest at a notice */
  version?: Maybe<Scalars['Int']['output']>;
};


/** A committed change of an agreement, or the day it comes within the days asked of its end */
export type AgreementChangeEventAreaArgs = {
  crs?: Crs;
};

/** Which agreement changes to receive; all given conditions must hold */
export type AgreementChangedFilter = {
  agreementIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: CREATED, CHANGED, DELETED, and EXPIRING with expiresWithinDays */
  changes?: InputMaybe<Array<AgreementChange>>;
  /** CRS of within and near.point */
  crs?: Crs;
  /** Also deliver EXPIRING, once per agreement and end date, on the day it comes within this many days of its end (0–90; 0: the last day) */
  expiresWithinDays?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<AgreementKind>>;
  /** Only agreements the caller's operator is party to */
  mine?: InputMaybe<Scalars['Boolean']['input']>;
  /** Its area, before or after the change, is within radiusMeters of the point */
  near?: InputMaybe<NearInput>;
  /** Agreements any of these operators is party to */
  partyOperatorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Agreements covering any of these scenes */
  sceneIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Its area, before or after the change, lies inside this Polygon or MultiPolygon */
  within?: InputMaybe<Scalars['GeoJSON']['input']>;
};

export type AgreementConnection = {
  __typename?: 'AgreementConnection';
  edges: Array<AgreementEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** An agreement area over a scene, and how much of the scene it covers */
export type AgreementCover = {
  __typename?: 'AgreementCover';
  agreement: Agreement;
  /** Share of the scene’s area inside this agreement’s area, 0..1 */
  fraction: Scalars['Float']['output'];
};

export type AgreementEdge = {
  __typename?: 'AgreementEdge';
  cursor: Scalars['String']['output'];
  node: Agreement;
};

export type AgreementFilter = {
  /** Valid on this day */
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
  kind?: InputMaybe<Array<AgreementKind>>;
  /** Agreements this operator is party to */
  operatorId?: InputMaybe<Scalars['ID']['input']>;
  /** With operatorId: only where that party is in this status (PENDING: invitations it has not answered) */
  partyStatus?: InputMaybe<AgreementPartyStatus>;
  /** Agreements about this scene */
  sceneId?: InputMaybe<Scalars['ID']['input']>;
  /** Conditions on the agreement area (agreements without one never match) */
  spatial?: InputMaybe<SpatialFilter>;
};

export type AgreementKind =
  /** Camera surveillance over the area */
  | 'CAMERA_PERMIT'
  /** Medborgarlöfte: municipality and local police promise concrete commitments */
  | 'CITIZEN_PROMISE'
  /** LOV §3-förordnande: security guards may act inside the area */
  | 'GUARD_MANDATE'
  | 'OTHER'
  /** Platssamverkan, with strategic and operational forums */
  | 'PLACE_COLLABORATION'
  /** County-wide work coordinated regionally */
  | 'REGIONAL_PROGRAMME';

export type AgreementOrderBy =
  | 'TITLE_ASC'
  | 'VALID_FROM_ASC'
  | 'VALID_FROM_DESC';

/** An operator taking part in an agreement, its role, and whether it has accepted */
export type AgreementParty = {
  __typename?: 'AgreementParty';
  operator: Operator;
  /** When this operator accepted or declined; null while PENDING */
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who (the token subject) accepted or declined for this operator */
  respondedBy?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  /** Only ACCEPTED parties share PARTNERS interventions and may edit the agreement */
  status: AgreementPartyStatus;
};

export type AgreementPartyInput = {
  operatorId: Scalars['ID']['input'];
  /** e.g. "issuing authority", "permit holder", "party" */
  role?: InputMaybe<Scalars['String']['input']>;
};

/** The caller's operator answers for its own party to the agreement */
export type AgreementPartyResponseInput = {
  agreementId: Scalars['ID']['input'];
};

export type AgreementPartyStatus =
  /** This operator takes part: shares PARTNERS interventions at the scenes, may edit the agreement */
  | 'ACCEPTED'
  /** This operator declined or withdrew; counts for nothing until named again and accepted */
  | 'DECLINED'
  /** Named by another party; waits for an EDITOR or ADMIN of this operator to accept */
  | 'PENDING';

/** One version of an agreement: a change, when it took effect, who recorded it, and the agreement as it then stood */
export type AgreementVersion = {
  __typename?: 'AgreementVersion';
  /** The agreement as it stood in this version, with its parties, commitments and scenes then */
  agreement: Agreement;
  /** The fields this version changed (all of them for the first); null when not known (versions rebuilt from older data) */
  changedFields?: Maybe<Array<Scalars['String']['output']>>;
  /** When the platform recorded it */
  recordedAt: Scalars['DateTime']['output'];
  /** Subject (user) who recorded it */
  recordedBy?: Maybe<Scalars['String']['output']>;
  /** The operator of the subject who recorded it */
  recordedByOperator?: Maybe<Operator>;
  /** When this version took effect in the world; null: before the record begins */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** When the next version took effect (or the record was deleted); null while it still holds */
  validTo?: Maybe<Scalars['DateTime']['output']>;
  /** The version’s number, counting from 1 */
  version: Scalars['Int']['output'];
};

export type ArchiveSceneInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};

/** One mutation in the audit trail: who, when, what, and the values before and after */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  after?: Maybe<Scalars['JSONObject']['output']>;
  at: Scalars['DateTime']['output'];
  before?: Maybe<Scalars['JSONObject']['output']>;
  /** Ids of the entities the mutation changed */
  entityIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** The mutation, e.g. updateIntervention */
  operation: Scalars['String']['output'];
  operatorId: Scalars['ID']['output'];
  /** Correlation id of the request (also in the server log) */
  requestId: Scalars['String']['output'];
  role: Role;
  /** The token subject (the user) */
  subject: Scalars['String']['output'];
};

/** A page of AuditEntry items */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

/** Which audit entries; all given conditions must hold */
export type AuditLogFilter = {
  /** Touched this entity */
  entityId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Mutation names, e.g. updateIntervention */
  operation?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Made by a caller of this operator */
  operatorId?: InputMaybe<Scalars['ID']['input']>;
  /** The token subject */
  subject?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** An axis-aligned box, x (longitude or easting) first */
export type BBoxInput = {
  crs?: Crs;
  maxX: Scalars['Float']['input'];
  maxY: Scalars['Float']['input'];
  minX: Scalars['Float']['input'];
  minY: Scalars['Float']['input'];
};

export type ChangeSceneStatusInput = {
  /** When the change took effect (a decision date); default now. Not in the future, not before the previous change. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The version the caller saw; a stale one is refused with CONFLICT */
  expectedVersion: Scalars['Int']['input'];
  /** Why; required */
  reason: Scalars['String']['input'];
  sceneId: Scalars['ID']['input'];
  /** The situation picture (lägesbild) the change rests on */
  situationNote?: InputMaybe<Scalars['String']['input']>;
  status: SceneStatus;
};

/** A concrete commitment made in an agreement */
export type Commitment = {
  __typename?: 'Commitment';
  description: Scalars['String']['output'];
  dueDate?: Maybe<Scalars['LocalDate']['output']>;
  id: Scalars['ID']['output'];
  /** Order within the agreement, from 1 */
  position: Scalars['Int']['output'];
  status: CommitmentStatus;
};

/** The day has come when an open commitment falls due within the days asked */
export type CommitmentDueEvent = {
  __typename?: 'CommitmentDueEvent';
  /** The agreement the commitment belongs to, as it is now */
  agreement?: Maybe<Agreement>;
  /** When the change took effect (a notice: when it was given) */
  changedAt: Scalars['DateTime']['output'];
  /** Subject (user) who made the change */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The fields this change set (GraphQL names) */
  changedFields: Array<Scalars['String']['output']>;
  commitmentId: Scalars['ID']['output'];
  /** Days from the notice to the due date (0: due today) */
  daysLeft: Scalars['Int']['output'];
  description: Scalars['String']['output'];
  dueDate: Scalars['LocalDate']['output'];
  /** Increases with every committed change; pass the last one seen as `after` to resume */
  id: Scalars['ID']['output'];
  /** When the platform recorded it */
  recordedAt: Scalars['DateTime']['output'];
  /** Its status when the notice was given */
  status: CommitmentStatus;
};

/** Which commitments to be told of; all given conditions must hold */
export type CommitmentDueFilter = {
  agreementIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only commitments of agreements the caller's operator is party to */
  mine?: InputMaybe<Scalars['Boolean']['input']>;
  /** Commitments of agreements any of these operators is party to */
  partyOperatorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type CommitmentInput = {
  description: Scalars['String']['input'];
  dueDate?: InputMaybe<Scalars['LocalDate']['input']>;
  status?: CommitmentStatus;
};

export type CommitmentStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'PLANNED';

export type CreateAgreementInput = {
  /** Where it applies (Polygon or MultiPolygon) */
  area?: InputMaybe<Scalars['GeoJSON']['input']>;
  commitments?: InputMaybe<Array<CommitmentInput>>;
  crs?: Crs;
  description?: InputMaybe<Scalars['String']['input']>;
  kind: AgreementKind;
  /** An EDITOR must list its own operator */
  parties?: InputMaybe<Array<AgreementPartyInput>>;
  sceneIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  title: Scalars['String']['input'];
  validFrom: Scalars['LocalDate']['input'];
  /** Last valid day, inclusive; omit for open-ended */
  validTo?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** The owner is always the caller’s operator */
export type CreateInterventionInput = {
  agreementId?: InputMaybe<Scalars['ID']['input']>;
  category: InterventionCategory;
  crs?: Crs;
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Short UPPER_SNAKE method code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK */
  kind: Scalars['String']['input'];
  /** Point, LineString, Polygon or their Multi* forms */
  location: Scalars['GeoJSON']['input'];
  /** Participating operators besides the owner */
  operatorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** e.g. "Fridays and Saturdays 18:00–02:00" */
  recurrence?: InputMaybe<Scalars['String']['input']>;
  sceneId: Scalars['ID']['input'];
  sensitivity?: Sensitivity;
  startsAt: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
};

export type CreateOperatorInput = {
  kind: OperatorKind;
  municipality?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** The operator this one belongs to, e.g. the police region of a local police area */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateSceneInput = {
  /** Polygon or MultiPolygon */
  area: Scalars['GeoJSON']['input'];
  /** CRS of `area` */
  crs?: Crs;
  district?: InputMaybe<Scalars['String']['input']>;
  municipality: Scalars['String']['input'];
  name: Scalars['String']['input'];
  policeArea?: InputMaybe<Scalars['String']['input']>;
  problemProfile?: InputMaybe<ProblemProfileInput>;
  /** Why the scene is registered; written to its status history */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The situation picture (lägesbild) the registration rests on */
  situationNote?: InputMaybe<Scalars['String']['input']>;
  /** Statistical-area codes, e.g. "101 025" */
  statAreas?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Initial status; only ADMIN may set anything but EMERGING */
  status?: InputMaybe<SceneStatus>;
};

export type CreateWatchAreaInput = {
  /** A Polygon or MultiPolygon (a mandate area), or a Point or LineString with radiusMeters (a school) */
  area: Scalars['GeoJSON']['input'];
  crs?: Crs;
  name: Scalars['String']['input'];
  /** Reach beyond the area in metres (0–50 000; more than 0 for a point or line). Default 0 */
  radiusMeters?: InputMaybe<Scalars['Float']['input']>;
  /** Default: all */
  subjects?: InputMaybe<Array<WatchSubject>>;
};

/** Coordinate reference system. Coordinates are always written x,y (longitude or easting first). */
export type Crs =
  /** SWEREF 99 TM, easting/northing in metres (national Swedish grid) */
  | 'EPSG_3006'
  /** SWEREF 99 18 00, easting/northing in metres (City of Stockholm local system) */
  | 'EPSG_3011'
  /** WGS 84, longitude/latitude in degrees (GeoJSON default) */
  | 'EPSG_4326';

export type DeleteInterventionInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};

export type DeleteWatchAreaInput = {
  id: Scalars['ID']['input'];
};

/** A scene that became ACTIVE or EMERGING near a scene that had left ACTIVE shortly before: a possible displacement */
export type DisplacementCandidate = {
  __typename?: 'DisplacementCandidate';
  /** ACTIVE or EMERGING */
  became: SceneStatus;
  becameAt: Scalars['DateTime']['output'];
  /** What it was before: null for a new scene, MONITORING for a resurgence */
  becameFrom?: Maybe<SceneStatus>;
  /** Days from the origin leaving ACTIVE to the other scene’s change */
  daysBetween: Scalars['Float']['output'];
  /** Shortest distance between the two areas, metres on the spheroid */
  distanceMeters: Scalars['Float']['output'];
  /** The scene that had left ACTIVE */
  origin: Scene;
  originLeftAt: Scalars['DateTime']['output'];
  /** What the origin moved to (MONITORING) */
  originLeftTo: SceneStatus;
  /** The scene that appeared or came back */
  scene: Scene;
};

/** An indicator for a scene’s statistical area and year, with the municipality’s average beside it */
export type IndicatorValue = {
  __typename?: 'IndicatorValue';
  /** Average per statistical area in the scene’s municipality, same indicator and year */
  municipalityAverage?: Maybe<Scalars['Float']['output']>;
  /** e.g. narcotics_total, assault_outdoors_total, robbery */
  name: Scalars['String']['output'];
  /** The place as the source names it */
  place: Scalars['String']['output'];
  /** value / municipalityAverage */
  ratioToAverage?: Maybe<Scalars['Float']['output']>;
  /** The statistical area (basområde) code */
  statArea: Scalars['String']['output'];
  value: Scalars['Float']['output'];
  year: Scalars['Int']['output'];
};

/** Something done at or near a scene by one or more operators */
export type Intervention = {
  __typename?: 'Intervention';
  agreement?: Maybe<Agreement>;
  category: InterventionCategory;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Short method code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK */
  kind: Scalars['String']['output'];
  /** Where: a point, line or polygon */
  location: Scalars['GeoJSON']['output'];
  /** Participating operators besides the owner */
  operators: Array<Operator>;
  /** The operator that registered and owns it */
  owner: Operator;
  /** When it recurs, in words, e.g. "Fridays and Saturdays 18:00–02:00" */
  recurrence?: Maybe<Scalars['String']['output']>;
  scene: Scene;
  sensitivity: Sensitivity;
  /** Operators it is explicitly shared with (for RESTRICTED: the only ones besides the owner that see it) */
  sharedWith: Array<Operator>;
  startsAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version; pass it as expectedVersion when changing this object. On an object read as it stood (`at` or `asRecordedAt`), the number of that version in its `versions` instead, which expectedVersion does not take */
  version: Scalars['Int']['output'];
  /** Every version of the intervention (location, window, recurrence, kind, operators, sensitivity…) you may see, oldest first: a version you could not see under its own sensitivity is left out */
  versions: Array<InterventionVersion>;
};


/** Something done at or near a scene by one or more operators */
export type InterventionLocationArgs = {
  crs?: Crs;
};

export type InterventionCategory =
  | 'FORMAL_CONTROL'
  | 'INFORMAL_CONTROL'
  | 'SITUATIONAL_PREVENTION'
  | 'SOCIAL_PREVENTION';

export type InterventionChange =
  | 'CHANGED'
  | 'CREATED'
  | 'DELETED'
  /** A RESTRICTED intervention was shared with one more operator */
  | 'SHARED';

/** A committed change of an intervention, delivered in id order */
export type InterventionChangeEvent = {
  __typename?: 'InterventionChangeEvent';
  category: InterventionCategory;
  change: InterventionChange;
  /** When the change took effect (a notice: when it was given) */
  changedAt: Scalars['DateTime']['output'];
  /** Subject (user) who made the change */
  changedBy?: Maybe<Scalars['String']['output']>;
  changedByOperator?: Maybe<Operator>;
  /** The fields this change set (GraphQL names) */
  changedFields: Array<Scalars['String']['output']>;
  /** Increases with every committed change; pass the last one seen as `after` to resume */
  id: Scalars['ID']['output'];
  /** The intervention as it is now; null once deleted */
  intervention?: Maybe<Intervention>;
  interventionId: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  /** Where, as this change left it (a deletion: where it was) */
  location?: Maybe<Scalars['GeoJSON']['output']>;
  /** When the platform recorded it */
  recordedAt: Scalars['DateTime']['output'];
  scene?: Maybe<Scene>;
  sensitivity: Sensitivity;
  title: Scalars['String']['output'];
  /** The version this change made (see Intervention.versions) */
  version: Scalars['Int']['output'];
};


/** A committed change of an intervention, delivered in id order */
export type InterventionChangeEventLocationArgs = {
  crs?: Crs;
};

/** Which intervention changes to receive; all given conditions must hold */
export type InterventionChangedFilter = {
  categories?: InputMaybe<Array<InterventionCategory>>;
  /** Default: all */
  changes?: InputMaybe<Array<InterventionChange>>;
  /** CRS of within and near.point */
  crs?: Crs;
  /** Kind codes, e.g. CAMERA_SURVEILLANCE */
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Its location, before or after the change, is within radiusMeters of the point */
  near?: InputMaybe<NearInput>;
  sceneIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Its location, before or after the change, lies inside this Polygon or MultiPolygon (a mandate area) */
  within?: InputMaybe<Scalars['GeoJSON']['input']>;
};

export type InterventionConnection = {
  __typename?: 'InterventionConnection';
  edges: Array<InterventionEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

export type InterventionEdge = {
  __typename?: 'InterventionEdge';
  cursor: Scalars['String']['output'];
  node: Intervention;
};

export type InterventionFilter = {
  /** Running at this moment (started, not yet ended) */
  activeAt?: InputMaybe<Scalars['DateTime']['input']>;
  agreementId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<Array<InterventionCategory>>;
  kind?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Owned by or with the participation of this operator */
  operatorId?: InputMaybe<Scalars['ID']['input']>;
  /** Owned by this operator */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  sceneId?: InputMaybe<Array<Scalars['ID']['input']>>;
  sensitivity?: InputMaybe<Array<Sensitivity>>;
  /** Conditions on the intervention location */
  spatial?: InputMaybe<SpatialFilter>;
  /** Starting before this moment */
  startsBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Starting at or after this moment */
  startsFrom?: InputMaybe<Scalars['DateTime']['input']>;
};

export type InterventionOrderBy =
  | 'CREATED_AT_DESC'
  | 'STARTS_AT_ASC'
  | 'STARTS_AT_DESC'
  | 'TITLE_ASC';

/** Interventions counted together */
export type InterventionStatisticsGroup = {
  __typename?: 'InterventionStatisticsGroup';
  count: Scalars['Int']['output'];
  /** The category, kind or sensitivity; for OWNER and SCENE the operator’s or scene’s id */
  key: Scalars['String']['output'];
  /** For OWNER and SCENE, the operator’s or scene’s name */
  label?: Maybe<Scalars['String']['output']>;
};

export type InterventionStatisticsGroupBy =
  | 'CATEGORY'
  | 'KIND'
  | 'OWNER'
  | 'SCENE'
  | 'SENSITIVITY';

/** One version of an intervention: a change, when it took effect, who recorded it, and the intervention as it then stood */
export type InterventionVersion = {
  __typename?: 'InterventionVersion';
  /** The fields this version changed (all of them for the first); null when not known (versions rebuilt from older data) */
  changedFields?: Maybe<Array<Scalars['String']['output']>>;
  /** The intervention as it stood in this version */
  intervention: Intervention;
  /** When the platform recorded it */
  recordedAt: Scalars['DateTime']['output'];
  /** Subject (user) who recorded it */
  recordedBy?: Maybe<Scalars['String']['output']>;
  /** The operator of the subject who recorded it */
  recordedByOperator?: Maybe<Operator>;
  /** When this version took effect in the world; null: before the record begins */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** When the next version took effect (or the record was deleted); null while it still holds */
  validTo?: Maybe<Scalars['DateTime']['output']>;
  /** The version’s number, counting from 1 */
  version: Scalars['Int']['output'];
};

/** An intervention that needs a mandate but lies outside every valid mandate of that kind */
export type MandateGap = {
  __typename?: 'MandateGap';
  /** Share of its location inside valid mandates of that kind (0 for a point outside; lines and areas may be partly inside) */
  coveredFraction: Scalars['Float']['output'];
  intervention: Intervention;
  /** The kind of agreement it needs: GUARD_MANDATE or CAMERA_PERMIT */
  requiredKind: AgreementKind;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The caller's operator accepts its party to the agreement (EDITOR, ADMIN of that operator). Only then does it share PARTNERS interventions with the other accepted parties, and may edit the agreement */
  acceptAgreementParty: Agreement;
  /** Adds a party to an agreement (PENDING until that operator accepts, unless it is your own), or changes its role */
  addAgreementParty: Agreement;
  addCommitment: Agreement;
  /** Archives a scene (ADMIN): hidden from lists, still readable by id */
  archiveScene: Scene;
  /** Moves a scene along its lifecycle; INVALID_TRANSITION or CONFLICT otherwise */
  changeSceneStatus: Scene;
  /** Records an agreement with its parties, scenes and commitments (EDITOR, ADMIN). Parties other than the caller's own operator are PENDING until they accept */
  createAgreement: Agreement;
  /** Registers an intervention owned by the caller’s operator (EDITOR, ADMIN) */
  createIntervention: Intervention;
  /** Registers an operator (ADMIN) */
  createOperator: Operator;
  /** Registers a scene (EDITOR, ADMIN). It starts EMERGING unless an ADMIN says otherwise. */
  createScene: Scene;
  createWatchArea: WatchArea;
  /** The caller's operator declines its party to the agreement, or withdraws an acceptance (EDITOR, ADMIN of that operator) */
  declineAgreementParty: Agreement;
  /** Deletes an intervention and returns it as it was */
  deleteIntervention: Intervention;
  /** Deletes the area and its alerts; returns it as it was */
  deleteWatchArea: WatchArea;
  /** Shares an intervention with one more operator (its owner’s EDITORs, or ADMIN) */
  shareIntervention: Intervention;
  /** Stops sharing an intervention with an operator */
  unshareIntervention: Intervention;
  updateAgreement: Agreement;
  updateCommitment: Commitment;
  /** Changes an intervention (its owner’s EDITORs, or ADMIN) */
  updateIntervention: Intervention;
  /** Changes an operator (ADMIN) */
  updateOperator: Operator;
  /** Edits a scene’s facts or area (ADMIN; EDITORs propose scenes with createScene) */
  updateScene: Scene;
  updateWatchArea: WatchArea;
};


export type MutationAcceptAgreementPartyArgs = {
  input: AgreementPartyResponseInput;
};


export type MutationAddAgreementPartyArgs = {
  input: AddAgreementPartyInput;
};


export type MutationAddCommitmentArgs = {
  input: AddCommitmentInput;
};


export type MutationArchiveSceneArgs = {
  input: ArchiveSceneInput;
};


export type MutationChangeSceneStatusArgs = {
  input: ChangeSceneStatusInput;
};


export type MutationCreateAgreementArgs = {
  input: CreateAgreementInput;
};


export type MutationCreateInterventionArgs = {
  input: CreateInterventionInput;
};


export type MutationCreateOperatorArgs = {
  input: CreateOperatorInput;
};


export type MutationCreateSceneArgs = {
  input: CreateSceneInput;
};


export type MutationCreateWatchAreaArgs = {
  input: CreateWatchAreaInput;
};


export type MutationDeclineAgreementPartyArgs = {
  input: AgreementPartyResponseInput;
};


export type MutationDeleteInterventionArgs = {
  input: DeleteInterventionInput;
};


export type MutationDeleteWatchAreaArgs = {
  input: DeleteWatchAreaInput;
};


export type MutationShareInterventionArgs = {
  input: ShareInterventionInput;
};


export type MutationUnshareInterventionArgs = {
  input: ShareInterventionInput;
};


export type MutationUpdateAgreementArgs = {
  input: UpdateAgreementInput;
};


export type MutationUpdateCommitmentArgs = {
  input: UpdateCommitmentInput;
};


export type MutationUpdateInterventionArgs = {
  input: UpdateInterventionInput;
};


export type MutationUpdateOperatorArgs = {
  input: UpdateOperatorInput;
};


export type MutationUpdateSceneArgs = {
  input: UpdateSceneInput;
};


export type MutationUpdateWatchAreaArgs = {
  input: UpdateWatchAreaInput;
};

/** Within `radiusMeters` (on the spheroid) of a point */
export type NearInput = {
  /** A GeoJSON Point, in the filter’s crs */
  point: Scalars['GeoJSON']['input'];
  /** Metres, more than 0 and at most 50 000 */
  radiusMeters: Scalars['Float']['input'];
};

/** An agency or organisation taking part in the cooperation network */
export type Operator = {
  __typename?: 'Operator';
  /** Agreements it is party to, newest first */
  agreements: Array<Agreement>;
  /** Operators that belong to this one */
  children: Array<Operator>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Interventions it owns or takes part in, a page at a time (newest first by default) */
  interventions: InterventionConnection;
  kind: OperatorKind;
  /** Municipality the operator works in, where it is bound to one */
  municipality?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  parent?: Maybe<Operator>;
  updatedAt: Scalars['DateTime']['output'];
};


/** An agency or organisation taking part in the cooperation network */
export type OperatorInterventionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InterventionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InterventionOrderBy;
};

export type OperatorConnection = {
  __typename?: 'OperatorConnection';
  edges: Array<OperatorEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

export type OperatorEdge = {
  __typename?: 'OperatorEdge';
  cursor: Scalars['String']['output'];
  node: Operator;
};

export type OperatorFilter = {
  kind?: InputMaybe<Array<OperatorKind>>;
  municipality?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Direct children of this operator */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** What kind of agency or organisation an operator is */
export type OperatorKind =
  | 'CIVIL_SOCIETY'
  | 'COORDINATION_OFFICE'
  | 'COUNTY_BOARD'
  | 'CUSTOMS'
  | 'DISTRICT_ADMINISTRATION'
  | 'MUNICIPALITY'
  | 'OTHER'
  | 'POLICE'
  | 'PRISON_PROBATION'
  | 'PROPERTY_OWNER'
  | 'PUBLIC_TRANSPORT'
  | 'REGION'
  | 'RESEARCH'
  | 'SECURITY_COMPANY';

export type OperatorOrderBy =
  | 'KIND_ASC'
  | 'NAME_ASC'
  | 'NAME_DESC';

/** Relay page information */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The problem profile of a scene */
export type ProblemProfile = {
  __typename?: 'ProblemProfile';
  crimeKinds: Array<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  substances: Array<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  targetGroups: Array<Scalars['String']['output']>;
};

/** The problem profile: free text and tags */
export type ProblemProfileInput = {
  crimeKinds?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  substances?: InputMaybe<Array<Scalars['String']['input']>>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  targetGroups?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Query = {
  __typename?: 'Query';
  /** An agreement by id; with `at` and/or `asRecordedAt`, as it stood then (validity, area, parties, commitments, scenes). NOT_FOUND if there is none (then) */
  agreement: Agreement;
  agreements: AgreementConnection;
  /** Agreements valid on the day of `at` (default now; as they then stood) whose area covers the point: which apply here, today? */
  agreementsCovering: Array<Agreement>;
  /** The audit trail, newest first (ADMIN) */
  auditLog: AuditEntryConnection;
  /** The newest committed change id ("0" if none), for interventionChanged, agreementChanged and commitmentDue: read it before loading, then subscribe with `after` set to it. */
  changeEventCursor: Scalars['ID']['output'];
  /** Scenes that became ACTIVE or EMERGING within `radiusMeters` of a scene that had left ACTIVE at most `withinDays` days before: where did activity move? With `at` and/or `asRecordedAt`: the moves known then, the areas as they then stood */
  displacementCandidates: Array<DisplacementCandidate>;
  /** Agreements whose validity ends within `withinDays` days from today, soonest first */
  expiringAgreements: Array<Agreement>;
  /** An intervention by id; with `at` and/or `asRecordedAt`, as it stood then, with its relations then. NOT_FOUND if there is none (then) you may see */
  intervention: Intervention;
  /** Interventions counted per category, kind, sensitivity, owner or scene, largest group first; only those the caller may see; with `at` and/or `asRecordedAt`, as they stood then */
  interventionStatistics: Array<InterventionStatisticsGroup>;
  interventions: InterventionConnection;
  /** Interventions running at `at` (default now; interventions and agreements as they then stood) (guard presence, camera surveillance) outside every valid mandate of the kind they need */
  interventionsOutsideMandate: Array<MandateGap>;
  /** The scenes nearest to a point, nearest first, with distances in metres on the spheroid; with `at` and/or `asRecordedAt`, the scenes (areas, statuses) as they stood then */
  nearestScenes: Array<SceneDistance>;
  operator: Operator;
  operators: OperatorConnection;
  /** A scene by id (archived ones too); with `at` and/or `asRecordedAt`, as it stood then (its fields and area; its relations as they are now). NOT_FOUND if there is none (then) */
  scene: Scene;
  /** Scene counts and total area per group at each moment from `from` to `to` every `interval` (at most 121 moments), as the scenes then stood: "did the active scenes shrink during 2023?" in one query */
  sceneAreaTrend: Array<SceneAreaTrendPoint>;
  /** Scene counts and total area per status, municipality or police area: as the scenes are now, or with `at` and/or `asRecordedAt` as they stood then (status, area and the rest as they were). Archived scenes are not counted. */
  sceneStatistics: Array<SceneStatisticsGroup>;
  /** The newest committed status event id ("0" if none). Read it before loading scenes, then subscribe with `after` set to it: nothing falls between. */
  sceneStatusEventCursor: Scalars['ID']['output'];
  /** Scenes, filtered and ordered, a page at a time; with `at` and/or `asRecordedAt`, as they stood then (the filter applies to them as they were) */
  scenes: SceneConnection;
  /** Scenes ACTIVE at `at` (default now; scenes and agreements as they then stood) whose area valid agreements of `kind` cover less than `minCoverage` (0..1, default 1: not wholly covered) */
  uncoveredScenes: Array<SceneCoverage>;
  /** The newest alert id ("0" if none): subscribe to watchAreaAlerts with `after` set to it */
  watchAreaAlertCursor: Scalars['ID']['output'];
  /** Your operator's watch areas, by name */
  watchAreas: Array<WatchArea>;
};


export type QueryAgreementArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: AgreementOrderBy;
};


export type QueryAgreementsCoveringArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  crs?: Crs;
  point: Scalars['GeoJSON']['input'];
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDisplacementCandidatesArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  radiusMeters: Scalars['Float']['input'];
  withinDays: Scalars['Float']['input'];
};


export type QueryExpiringAgreementsArgs = {
  withinDays: Scalars['Float']['input'];
};


export type QueryInterventionArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryInterventionStatisticsArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<InterventionFilter>;
  groupBy: InterventionStatisticsGroupBy;
};


export type QueryInterventionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InterventionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InterventionOrderBy;
};


export type QueryInterventionsOutsideMandateArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryNearestScenesArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  crs?: Crs;
  filter?: InputMaybe<SceneFilter>;
  limit?: Scalars['Int']['input'];
  point: Scalars['GeoJSON']['input'];
};


export type QueryOperatorArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOperatorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OperatorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: OperatorOrderBy;
};


export type QuerySceneArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QuerySceneAreaTrendArgs = {
  filter?: InputMaybe<SceneFilter>;
  from: Scalars['DateTime']['input'];
  groupBy: SceneStatisticsGroupBy;
  interval?: TrendInterval;
  to: Scalars['DateTime']['input'];
};


export type QuerySceneStatisticsArgs = {
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<SceneFilter>;
  groupBy: SceneStatisticsGroupBy;
};


export type QueryScenesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asRecordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  at?: InputMaybe<Scalars['DateTime']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SceneFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: SceneOrderBy;
};


export type QueryUncoveredScenesArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  kind: AgreementKind;
  minCoverage?: Scalars['Float']['input'];
};

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'EDITOR'
  | 'VIEWER';

/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type Scene = {
  __typename?: 'Scene';
  /** Agreements about this scene, a page at a time (newest first by default) */
  agreements: AgreementConnection;
  archived: Scalars['Boolean']['output'];
  /** Set when the scene was archived; archived scenes are hidden from lists unless asked for */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The area, a MultiPolygon */
  area: Scalars['GeoJSON']['output'];
  /** Area on the spheroid, in square metres */
  areaSquareMeters: Scalars['Float']['output'];
  /** The area’s centroid, a Point */
  centroid: Scalars['GeoJSON']['output'];
  /** How much of this scene valid agreement areas of `kinds` cover on the day of `at` (default now), the agreements as they stood then; a scene read as it stood is measured with its area then */
  coverage: SceneCoverage;
  createdAt: Scalars['DateTime']['output'];
  /** City district (stadsdelsområde), where there is one */
  district?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Indicators (e.g. reported crimes) of the scene’s statistical areas per year, with the municipality’s average beside each */
  indicators: Array<IndicatorValue>;
  /** Interventions registered at this scene, a page at a time (newest first by default); with `withinMeters`, instead every intervention (of any scene) located within that distance of the area, 0 meaning inside or touching it */
  interventions: InterventionConnection;
  municipality: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Other scenes within `radiusMeters` of this one’s area, nearest first */
  nearbyScenes: Array<SceneDistance>;
  /** Perimeter on the spheroid, in metres */
  perimeterMeters: Scalars['Float']['output'];
  /** Local police area (lokalpolisområde) */
  policeArea?: Maybe<Scalars['String']['output']>;
  problemProfile: ProblemProfile;
  /** Statistical-area codes (basområde), e.g. "101 025" */
  statAreas: Array<Scalars['String']['output']>;
  status: SceneStatus;
  /** The status changes, oldest first, a page at a time */
  statusHistory: SceneStatusChangeConnection;
  /** When the current status took effect; null when the source gives no date */
  statusSince?: Maybe<Scalars['DateTime']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version; pass it as expectedVersion when changing this object. On an object read as it stood (`at` or `asRecordedAt`), the number of that version in its `versions` instead, which expectedVersion does not take */
  version: Scalars['Int']['output'];
  /** Every version of the scene, oldest first: what changed, when it took effect, who recorded it, and the scene as it then stood */
  versions: Array<SceneVersion>;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: AgreementOrderBy;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneAreaArgs = {
  crs?: Crs;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneCentroidArgs = {
  crs?: Crs;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneCoverageArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  kinds?: Array<AgreementKind>;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneIndicatorsArgs = {
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  toYear?: InputMaybe<Scalars['Int']['input']>;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneInterventionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InterventionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InterventionOrderBy;
  withinMeters?: InputMaybe<Scalars['Float']['input']>;
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneNearbyScenesArgs = {
  radiusMeters: Scalars['Float']['input'];
};


/** An open drug scene (öppen drogscen): a place with an area and a status history */
export type SceneStatusHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Scenes counted together at one moment of a trend, with their total area as it then stood */
export type SceneAreaTrendPoint = {
  __typename?: 'SceneAreaTrendPoint';
  /** The moment: things as they stood then (current knowledge) */
  at: Scalars['DateTime']['output'];
  count: Scalars['Int']['output'];
  /** The status, municipality or police area; null for scenes without one */
  key?: Maybe<Scalars['String']['output']>;
  /** Sum of the scenes’ areas as they then stood, on the spheroid, in square metres */
  totalAreaSquareMeters: Scalars['Float']['output'];
};

export type SceneConnection = {
  __typename?: 'SceneConnection';
  edges: Array<SceneEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** How much of a scene valid agreement areas of the asked kinds cover */
export type SceneCoverage = {
  __typename?: 'SceneCoverage';
  /** Each covering agreement, largest share first */
  agreements: Array<AgreementCover>;
  /** Covered area on the spheroid, in square metres */
  coveredSquareMeters: Scalars['Float']['output'];
  /** Share of the scene’s area inside the union of the agreement areas, 0..1 */
  fraction: Scalars['Float']['output'];
  scene: Scene;
};

/** A scene and its distance from a point or another scene */
export type SceneDistance = {
  __typename?: 'SceneDistance';
  /** Shortest distance on the spheroid, in metres (0 when touching or inside) */
  distanceMeters: Scalars['Float']['output'];
  scene: Scene;
};

export type SceneEdge = {
  __typename?: 'SceneEdge';
  cursor: Scalars['String']['output'];
  node: Scene;
};

export type SceneFilter = {
  district?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Include archived scenes */
  includeArchived?: Scalars['Boolean']['input'];
  /** Any of these municipalities */
  municipality?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive substring of the name */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Any of these local police areas */
  policeArea?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Conditions on the scene area */
  spatial?: InputMaybe<SpatialFilter>;
  /** Scenes whose statistical areas include this code */
  statArea?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses */
  status?: InputMaybe<Array<SceneStatus>>;
};

export type SceneOrderBy =
  | 'CREATED_AT_DESC'
  | 'MUNICIPALITY_ASC'
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'UPDATED_AT_DESC';

/** Scenes counted together, with their total area */
export type SceneStatisticsGroup = {
  __typename?: 'SceneStatisticsGroup';
  count: Scalars['Int']['output'];
  /** The status, municipality or police area; null for scenes without one */
  key?: Maybe<Scalars['String']['output']>;
  /** Sum of the scenes’ areas on the spheroid, in square metres */
  totalAreaSquareMeters: Scalars['Float']['output'];
};

export type SceneStatisticsGroupBy =
  | 'MUNICIPALITY'
  | 'POLICE_AREA'
  | 'STATUS';

export type SceneStatus =
  /** Classified as an open drug scene */
  | 'ACTIVE'
  /** No longer followed */
  | 'CLOSED'
  /** Reported, being assessed */
  | 'EMERGING'
  /** Classification removed, still followed up so it does not come back */
  | 'MONITORING';

/** One dated change in a scene status history */
export type SceneStatusChange = {
  __typename?: 'SceneStatusChange';
  /** When the change took effect; null when the source gives no date */
  changedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Subject (user) who recorded the change */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The operator on whose behalf the change was recorded */
  changedByOperator?: Maybe<Operator>;
  /** Null for the status a scene was created with */
  from?: Maybe<SceneStatus>;
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  /** When the row was written */
  recordedAt: Scalars['DateTime']['output'];
  /** The scene version this change produced; orders the history */
  sceneVersion: Scalars['Int']['output'];
  /** The situation picture (lägesbild) the change rests on */
  situationNote?: Maybe<Scalars['String']['output']>;
  to: SceneStatus;
};

export type SceneStatusChangeConnection = {
  __typename?: 'SceneStatusChangeConnection';
  edges: Array<SceneStatusChangeEdge>;
  pageInfo: PageInfo;
  /** Items matching the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

export type SceneStatusChangeEdge = {
  __typename?: 'SceneStatusChangeEdge';
  cursor: Scalars['String']['output'];
  node: SceneStatusChange;
};

/** Which changes to receive; all given conditions must hold */
export type SceneStatusChangedFilter = {
  /** Scenes whose area intersects this box */
  bbox?: InputMaybe<BBoxInput>;
  municipality?: InputMaybe<Array<Scalars['String']['input']>>;
  sceneIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Changes into or out of any of these statuses */
  statuses?: InputMaybe<Array<SceneStatus>>;
};

/** A committed status change, delivered in id order */
export type SceneStatusEvent = {
  __typename?: 'SceneStatusEvent';
  /** When the change took effect */
  changedAt: Scalars['DateTime']['output'];
  /** Subject (user) who made the change */
  changedBy?: Maybe<Scalars['String']['output']>;
  changedByOperator?: Maybe<Operator>;
  /** Null when the scene was just registered */
  from?: Maybe<SceneStatus>;
  /** Increases with every committed change; pass the last one seen as `after` to resume */
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  scene: Scene;
  to: SceneStatus;
};

/** One version of a scene: a change, when it took effect, who recorded it, and the scene as it then stood */
export type SceneVersion = {
  __typename?: 'SceneVersion';
  /** The area added to the one before (ST_Difference); null when none, or for the first */
  areaGained?: Maybe<Scalars['GeoJSON']['output']>;
  /** Area this version added to the one before, on the spheroid, in m²; null for the first */
  areaGainedSquareMeters?: Maybe<Scalars['Float']['output']>;
  /** The area taken away from the one before (ST_Difference); null when none, or for the first */
  areaLost?: Maybe<Scalars['GeoJSON']['output']>;
  /** Area this version took away from the one before, on the spheroid, in m²; null for the first */
  areaLostSquareMeters?: Maybe<Scalars['Float']['output']>;
  /** The fields this version changed (all of them for the first); null when not known (versions rebuilt from older data) */
  changedFields?: Maybe<Array<Scalars['String']['output']>>;
  /** When the platform recorded it */
  recordedAt: Scalars['DateTime']['output'];
  /** Subject (user) who recorded it */
  recordedBy?: Maybe<Scalars['String']['output']>;
  /** The operator of the subject who recorded it */
  recordedByOperator?: Maybe<Operator>;
  /** The scene as it stood in this version */
  scene: Scene;
  /** When this version took effect in the world; null: before the record begins */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** When the next version took effect (or the record was deleted); null while it still holds */
  validTo?: Maybe<Scalars['DateTime']['output']>;
  /** The version’s number, counting from 1 */
  version: Scalars['Int']['output'];
};


/** One version of a scene: a change, when it took effect, who recorded it, and the scene as it then stood */
export type SceneVersionAreaGainedArgs = {
  crs?: Crs;
};


/** One version of a scene: a change, when it took effect, who recorded it, and the scene as it then stood */
export type SceneVersionAreaLostArgs = {
  crs?: Crs;
};

export type Sensitivity =
  /** Every authenticated caller */
  | 'OPEN'
  /** Operators sharing an agreement with the owner that covers the scene */
  | 'PARTNERS'
  /** The owner and the operators it shares with explicitly */
  | 'RESTRICTED';

/** An intervention and an operator to share it with, or to stop sharing it with */
export type ShareInterventionInput = {
  interventionId: Scalars['ID']['input'];
  operatorId: Scalars['ID']['input'];
};

/** Spatial conditions, all of which must hold. Geometries are in `crs` (default EPSG_4326). */
export type SpatialFilter = {
  /** Intersects this box (its own crs) */
  bbox?: InputMaybe<BBoxInput>;
  /** CRS of intersects, within and near.point */
  crs?: Crs;
  /** Shares at least one point with this geometry */
  intersects?: InputMaybe<Scalars['GeoJSON']['input']>;
  near?: InputMaybe<NearInput>;
  /** Lies entirely inside this Polygon or MultiPolygon */
  within?: InputMaybe<Scalars['GeoJSON']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Every committed change of an agreement matching the filter, in order, and with `expiresWithinDays` the day each comes within that many days of its end; with `after`, first every later one the caller missed. */
  agreementChanged: AgreementChangeEvent;
  /** The day each open commitment (PLANNED or IN_PROGRESS) comes within `withinDays` (0–90) of its due date, once per commitment and due date; with `after`, first every later one the caller missed. */
  commitmentDue: CommitmentDueEvent;
  /** Every committed creation, change, share and deletion of an intervention matching the filter and visible to the caller, in order; with `after`, first every later one the caller missed. */
  interventionChanged: InterventionChangeEvent;
  /** Every committed status change matching the filter, in order. With `after` (an event id), first every later event the caller missed, then live ones, with no gap and no duplicate. */
  sceneStatusChanged: SceneStatusEvent;
  /** Alerts of your operator's watch areas about what you may see, in order: with `after` (an alert id), first every later one you missed, then live ones, with no gap and no duplicate. */
  watchAreaAlerts: WatchAreaAlert;
};


export type SubscriptionAgreementChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<AgreementChangedFilter>;
};


export type SubscriptionCommitmentDueArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<CommitmentDueFilter>;
  withinDays: Scalars['Int']['input'];
};


export type SubscriptionInterventionChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<InterventionChangedFilter>;
};


export type SubscriptionSceneStatusChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<SceneStatusChangedFilter>;
};


export type SubscriptionWatchAreaAlertsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
};

/** The step between the moments of a trend */
export type TrendInterval =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

/** Fields to change; omitted fields stay, null clears validTo, description and area. sceneIds replaces the list. */
export type UpdateAgreementInput = {
  area?: InputMaybe<Scalars['GeoJSON']['input']>;
  crs?: Crs;
  description?: InputMaybe<Scalars['String']['input']>;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the agreement’s latest version. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<AgreementKind>;
  sceneIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
  validFrom?: InputMaybe<Scalars['LocalDate']['input']>;
  validTo?: InputMaybe<Scalars['LocalDate']['input']>;
};

export type UpdateCommitmentInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the agreement’s latest version. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  status?: InputMaybe<CommitmentStatus>;
};

/** Fields to change; omitted fields stay, null clears the optional ones. operatorIds replaces the list. */
export type UpdateInterventionInput = {
  agreementId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<InterventionCategory>;
  crs?: Crs;
  description?: InputMaybe<Scalars['String']['input']>;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the intervention’s latest version. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<Scalars['GeoJSON']['input']>;
  operatorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  recurrence?: InputMaybe<Scalars['String']['input']>;
  sceneId?: InputMaybe<Scalars['ID']['input']>;
  sensitivity?: InputMaybe<Sensitivity>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Fields to change; omitted fields stay as they are, null clears parentId and municipality */
export type UpdateOperatorInput = {
  id: Scalars['ID']['input'];
  kind?: InputMaybe<OperatorKind>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Fields to change; omitted fields stay as they are. The status changes only through changeSceneStatus. */
export type UpdateSceneInput = {
  area?: InputMaybe<Scalars['GeoJSON']['input']>;
  crs?: Crs;
  district?: InputMaybe<Scalars['String']['input']>;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the scene’s latest version. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Refuse with CONFLICT unless the scene still has this version */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  municipality?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  policeArea?: InputMaybe<Scalars['String']['input']>;
  problemProfile?: InputMaybe<ProblemProfileInput>;
  statAreas?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateWatchAreaInput = {
  area?: InputMaybe<Scalars['GeoJSON']['input']>;
  crs?: Crs;
  /** The version you read (CONFLICT if it changed since) */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  radiusMeters?: InputMaybe<Scalars['Float']['input']>;
  subjects?: InputMaybe<Array<WatchSubject>>;
};

/** A named area an operator watches: everything entering or changing within its reach raises an alert for the operator */
export type WatchArea = {
  __typename?: 'WatchArea';
  /** The watched geometry */
  area: Scalars['GeoJSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The reach beyond the area, in metres on the spheroid (0: the area itself) */
  radiusMeters: Scalars['Float']['output'];
  subjects: Array<WatchSubject>;
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every change; pass it as expectedVersion */
  version: Scalars['Int']['output'];
};


/** A named area an operator watches: everything entering or changing within its reach raises an alert for the operator */
export type WatchAreaAreaArgs = {
  crs?: Crs;
};

/** Something created, changed, shared or deleted within the reach of one of your watch areas */
export type WatchAreaAlert = {
  __typename?: 'WatchAreaAlert';
  /** The agreement as it is now (null for other subjects) */
  agreement?: Maybe<Agreement>;
  /** What happened */
  change: WatchedChange;
  /** When it happened */
  changedAt: Scalars['DateTime']['output'];
  changedBy?: Maybe<Scalars['String']['output']>;
  changedFields: Array<Scalars['String']['output']>;
  /** Metres on the spheroid from the watched area (or point) to the subject: 0 inside a watched polygon */
  distanceMeters: Scalars['Float']['output'];
  /** Increases with every alert; pass the last one seen as `after` to resume */
  id: Scalars['ID']['output'];
  /** The intervention as it is now (null once deleted, or for other subjects) */
  intervention?: Maybe<Intervention>;
  /** An intervention's or agreement's kind, a scene's status */
  kind?: Maybe<Scalars['String']['output']>;
  /** Where the subject is after the change (a deletion: where it was) */
  location?: Maybe<Scalars['GeoJSON']['output']>;
  movement: WatchMovement;
  /** The scene, or the scene of the intervention */
  scene?: Maybe<Scene>;
  subject: WatchSubject;
  subjectId: Scalars['ID']['output'];
  /** The subject's name or title */
  title: Scalars['String']['output'];
  /** The area as it is now */
  watchArea?: Maybe<WatchArea>;
  watchAreaId: Scalars['ID']['output'];
  /** The area's name when the alert was raised */
  watchAreaName: Scalars['String']['output'];
};


/** Something created, changed, shared or deleted within the reach of one of your watch areas */
export type WatchAreaAlertLocationArgs = {
  crs?: Crs;
};

/** Where the subject is against the area */
export type WatchMovement =
  /** Created inside, or moved in */
  | 'ENTERED'
  /** Changed, shared or deleted while inside */
  | 'INSIDE'
  /** Moved out */
  | 'LEFT';

/** What a watch area reports on */
export type WatchSubject =
  | 'AGREEMENT'
  | 'INTERVENTION'
  | 'SCENE';

export type WatchedChange =
  | 'CHANGED'
  | 'CREATED'
  | 'DELETED'
  | 'SHARED';
