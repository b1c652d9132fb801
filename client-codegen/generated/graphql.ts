/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddAgreementPartyInput = {
  agreementId: string;
  operatorId: string;
  role?: string | null | undefined;
};

export type AddCommitmentInput = {
  agreementId: string;
  description: string;
  dueDate?: string | null | undefined;
  status?: CommitmentStatus;
};

export type AgreementChange =
  | 'CHANGED'
  | 'CREATED'
  | 'DELETED'
  /** The day has come when the agreement ends within the days a subscriber asked for */
  | 'EXPIRING';

/** Which agreement changes to receive; all given conditions must hold */
export type AgreementChangedFilter = {
  agreementIds?: Array<string> | null | undefined;
  /** Default: CREATED, CHANGED, DELETED, and EXPIRING with expiresWithinDays */
  changes?: Array<AgreementChange> | null | undefined;
  /** CRS of within and near.point */
  crs?: Crs;
  /** Also deliver EXPIRING, once per agreement and end date, on the day it comes within this many days of its end (0–90; 0: the last day) */
  expiresWithinDays?: number | null | undefined;
  kinds?: Array<AgreementKind> | null | undefined;
  /** Only agreements the caller's operator is party to */
  mine?: boolean | null | undefined;
  /** Its area, before or after the change, is within radiusMeters of the point */
  near?: NearInput | null | undefined;
  /** Agreements any of these operators is party to */
  partyOperatorIds?: Array<string> | null | undefined;
  /** Agreements covering any of these scenes */
  sceneIds?: Array<string> | null | undefined;
  /** Its area, before or after the change, lies inside this Polygon or MultiPolygon */
  within?: { type: string; coordinates: unknown } | null | undefined;
};

export type AgreementFilter = {
  /** Valid on this day */
  activeOn?: string | null | undefined;
  kind?: Array<AgreementKind> | null | undefined;
  /** Agreements this operator is party to */
  operatorId?: string | null | undefined;
  /** With operatorId: only where that party is in this status (PENDING: invitations it has not answered) */
  partyStatus?: AgreementPartyStatus | null | undefined;
  /** Agreements about this scene */
  sceneId?: string | null | undefined;
  /** Conditions on the agreement area (agreements without one never match) */
  spatial?: SpatialFilter | null | undefined;
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

export type AgreementPartyInput = {
  operatorId: string;
  /** e.g. "issuing authority", "permit holder", "party" */
  role?: string | null | undefined;
};

export type AgreementPartyStatus =
  /** This operator takes part: shares PARTNERS interventions at the scenes, may edit the agreement */
  | 'ACCEPTED'
  /** This operator declined or withdrew; counts for nothing until named again and accepted */
  | 'DECLINED'
  /** Named by another party; waits for an EDITOR or ADMIN of this operator to accept */
  | 'PENDING';

/** An axis-aligned box, x (longitude or easting) first */
export type BBoxInput = {
  crs?: Crs;
  maxX: number;
  maxY: number;
  minX: number;
  minY: number;
};

export type ChangeSceneStatusInput = {
  /** When the change took effect (a decision date); default now. Not in the future, not before the previous change. */
  effectiveAt?: string | null | undefined;
  /** The version the caller saw; a stale one is refused with CONFLICT */
  expectedVersion: number;
  /** Why; required */
  reason: string;
  sceneId: string;
  /** The situation picture (lägesbild) the change rests on */
  situationNote?: string | null | undefined;
  status: SceneStatus;
};

/** Which commitments to be told of; all given conditions must hold */
export type CommitmentDueFilter = {
  agreementIds?: Array<string> | null | undefined;
  /** Only commitments of agreements the caller's operator is party to */
  mine?: boolean | null | undefined;
  /** Commitments of agreements any of these operators is party to */
  partyOperatorIds?: Array<string> | null | undefined;
};

export type CommitmentInput = {
  description: string;
  dueDate?: string | null | undefined;
  status?: CommitmentStatus;
};

export type CommitmentStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'PLANNED';

export type CreateAgreementInput = {
  /** Where it applies (Polygon or MultiPolygon) */
  area?: { type: string; coordinates: unknown } | null | undefined;
  commitments?: Array<CommitmentInput> | null | undefined;
  crs?: Crs;
  description?: string | null | undefined;
  kind: AgreementKind;
  /** An EDITOR must list its own operator */
  parties?: Array<AgreementPartyInput> | null | undefined;
  sceneIds?: Array<string> | null | undefined;
  title: string;
  validFrom: string;
  /** Last valid day, inclusive; omit for open-ended */
  validTo?: string | null | undefined;
};

/** The owner is always the caller’s operator */
export type CreateInterventionInput = {
  agreementId?: string | null | undefined;
  category: InterventionCategory;
  crs?: Crs;
  description?: string | null | undefined;
  endsAt?: string | null | undefined;
  /** Short UPPER_SNAKE method code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK */
  kind: string;
  /** Point, LineString, Polygon or their Multi* forms */
  location: { type: string; coordinates: unknown };
  /** Participating operators besides the owner */
  operatorIds?: Array<string> | null | undefined;
  /** e.g. "Fridays and Saturdays 18:00–02:00" */
  recurrence?: string | null | undefined;
  sceneId: string;
  sensitivity?: Sensitivity;
  startsAt: string;
  title: string;
};

export type CreateWatchAreaInput = {
  /** A Polygon or MultiPolygon (a mandate area), or a Point or LineString with radiusMeters (a school) */
  area: { type: string; coordinates: unknown };
  crs?: Crs;
  name: string;
  /** Reach beyond the area in metres (0–50 000; more than 0 for a point or line). Default 0 */
  radiusMeters?: number | null | undefined;
  /** Default: all */
  subjects?: Array<WatchSubject> | null | undefined;
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
  expectedVersion?: number | null | undefined;
  id: string;
};

export type DeleteWatchAreaInput = {
  id: string;
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

/** Which intervention changes to receive; all given conditions must hold */
export type InterventionChangedFilter = {
  categories?: Array<InterventionCategory> | null | undefined;
  /** Default: all */
  changes?: Array<InterventionChange> | null | undefined;
  /** CRS of within and near.point */
  crs?: Crs;
  /** Kind codes, e.g. CAMERA_SURVEILLANCE */
  kinds?: Array<string> | null | undefined;
  /** Its location, before or after the change, is within radiusMeters of the point */
  near?: NearInput | null | undefined;
  sceneIds?: Array<string> | null | undefined;
  /** Its location, before or after the change, lies inside this Polygon or MultiPolygon (a mandate area) */
  within?: { type: string; coordinates: unknown } | null | undefined;
};

export type InterventionFilter = {
  /** Running at this moment (started, not yet ended) */
  activeAt?: string | null | undefined;
  agreementId?: string | null | undefined;
  category?: Array<InterventionCategory> | null | undefined;
  kind?: Array<string> | null | undefined;
  /** Owned by or with the participation of this operator */
  operatorId?: string | null | undefined;
  /** Owned by this operator */
  ownerId?: string | null | undefined;
  sceneId?: Array<string> | null | undefined;
  sensitivity?: Array<Sensitivity> | null | undefined;
  /** Conditions on the intervention location */
  spatial?: SpatialFilter | null | undefined;
  /** Starting before this moment */
  startsBefore?: string | null | undefined;
  /** Starting at or after this moment */
  startsFrom?: string | null | undefined;
};

export type InterventionStatisticsGroupBy =
  | 'CATEGORY'
  | 'KIND'
  | 'OWNER'
  | 'SCENE'
  | 'SENSITIVITY';

/** Within `radiusMeters` (on the spheroid) of a point */
export type NearInput = {
  /** A GeoJSON Point, in the filter’s crs */
  point: { type: string; coordinates: unknown };
  /** Metres, more than 0 and at most 50 000 */
  radiusMeters: number;
};

export type SceneFilter = {
  district?: Array<string> | null | undefined;
  /** Include archived scenes */
  includeArchived?: boolean;
  /** Any of these municipalities */
  municipality?: Array<string> | null | undefined;
  /** Case-insensitive substring of the name */
  nameContains?: string | null | undefined;
  /** Any of these local police areas */
  policeArea?: Array<string> | null | undefined;
  /** Conditions on the scene area */
  spatial?: SpatialFilter | null | undefined;
  /** Scenes whose statistical areas include this code */
  statArea?: string | null | undefined;
  /** Any of these statuses */
  status?: Array<SceneStatus> | null | undefined;
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

/** Which changes to receive; all given conditions must hold */
export type SceneStatusChangedFilter = {
  /** Scenes whose area intersects this box */
  bbox?: BBoxInput | null | undefined;
  municipality?: Array<string> | null | undefined;
  sceneIds?: Array<string> | null | undefined;
  /** Changes into or out of any of these statuses */
  statuses?: Array<SceneStatus> | null | undefined;
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
  interventionId: string;
  operatorId: string;
};

/** Spatial conditions, all of which must hold. Geometries are in `crs` (default EPSG_4326). */
export type SpatialFilter = {
  /** Intersects this box (its own crs) */
  bbox?: BBoxInput | null | undefined;
  /** CRS of intersects, within and near.point */
  crs?: Crs;
  /** Shares at least one point with this geometry */
  intersects?: { type: string; coordinates: unknown } | null | undefined;
  near?: NearInput | null | undefined;
  /** Lies entirely inside this Polygon or MultiPolygon */
  within?: { type: string; coordinates: unknown } | null | undefined;
};

/** Fields to change; omitted fields stay, null clears validTo, description and area. sceneIds replaces the list. */
export type UpdateAgreementInput = {
  area?: { type: string; coordinates: unknown } | null | undefined;
  crs?: Crs;
  description?: string | null | undefined;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the agreement’s latest version. */
  effectiveAt?: string | null | undefined;
  expectedVersion?: number | null | undefined;
  id: string;
  kind?: AgreementKind | null | undefined;
  sceneIds?: Array<string> | null | undefined;
  title?: string | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
};

export type UpdateCommitmentInput = {
  description?: string | null | undefined;
  dueDate?: string | null | undefined;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the agreement’s latest version. */
  effectiveAt?: string | null | undefined;
  id: string;
  status?: CommitmentStatus | null | undefined;
};

/** Fields to change; omitted fields stay, null clears the optional ones. operatorIds replaces the list. */
export type UpdateInterventionInput = {
  agreementId?: string | null | undefined;
  category?: InterventionCategory | null | undefined;
  crs?: Crs;
  description?: string | null | undefined;
  /** When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the intervention’s latest version. */
  effectiveAt?: string | null | undefined;
  endsAt?: string | null | undefined;
  expectedVersion?: number | null | undefined;
  id: string;
  kind?: string | null | undefined;
  location?: { type: string; coordinates: unknown } | null | undefined;
  operatorIds?: Array<string> | null | undefined;
  recurrence?: string | null | undefined;
  sceneId?: string | null | undefined;
  sensitivity?: Sensitivity | null | undefined;
  startsAt?: string | null | undefined;
  title?: string | null | undefined;
};

export type UpdateWatchAreaInput = {
  area?: { type: string; coordinates: unknown } | null | undefined;
  crs?: Crs;
  /** The version you read (CONFLICT if it changed since) */
  expectedVersion: number;
  id: string;
  name?: string | null | undefined;
  radiusMeters?: number | null | undefined;
  subjects?: Array<WatchSubject> | null | undefined;
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

export type CreateAgreementMutationVariables = Exact<{
  input: CreateAgreementInput;
}>;


export type CreateAgreementMutation = { createAgreement: { id: string, kind: AgreementKind, title: string, validFrom: string, validTo: string | null, version: number, parties: Array<{ role: string | null, status: AgreementPartyStatus, operator: { id: string, name: string } }>, commitments: Array<{ id: string, position: number, description: string, dueDate: string | null, status: CommitmentStatus }> } };

export type UpdateAgreementMutationVariables = Exact<{
  input: UpdateAgreementInput;
}>;


export type UpdateAgreementMutation = { updateAgreement: { id: string, title: string, validFrom: string, validTo: string | null, version: number } };

export type AddAgreementPartyMutationVariables = Exact<{
  input: AddAgreementPartyInput;
}>;


export type AddAgreementPartyMutation = { addAgreementParty: { id: string, version: number, parties: Array<{ role: string | null, status: AgreementPartyStatus, operator: { id: string, name: string } }> } };

export type PendingAgreementInvitationsQueryVariables = Exact<{
  operatorId: string;
}>;


export type PendingAgreementInvitationsQuery = { agreements: { edges: Array<{ node: { id: string, kind: AgreementKind, title: string, validFrom: string, validTo: string | null, scenes: Array<{ id: string, name: string }>, parties: Array<{ role: string | null, status: AgreementPartyStatus, operator: { id: string, name: string } }> } }> } };

export type AcceptAgreementPartyMutationVariables = Exact<{
  agreementId: string;
}>;


export type AcceptAgreementPartyMutation = { acceptAgreementParty: { id: string, parties: Array<{ status: AgreementPartyStatus, respondedAt: string | null, respondedBy: string | null, operator: { id: string } }> } };

export type DeclineAgreementPartyMutationVariables = Exact<{
  agreementId: string;
}>;


export type DeclineAgreementPartyMutation = { declineAgreementParty: { id: string, parties: Array<{ status: AgreementPartyStatus, operator: { id: string } }> } };

export type AddCommitmentMutationVariables = Exact<{
  input: AddCommitmentInput;
}>;


export type AddCommitmentMutation = { addCommitment: { id: string, version: number, commitments: Array<{ id: string, position: number, description: string, dueDate: string | null, status: CommitmentStatus }> } };

export type UpdateCommitmentMutationVariables = Exact<{
  input: UpdateCommitmentInput;
}>;


export type UpdateCommitmentMutation = { updateCommitment: { id: string, position: number, description: string, dueDate: string | null, status: CommitmentStatus } };

export type AgreementListQueryVariables = Exact<{
  filter?: AgreementFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgreementListQuery = { agreements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: AgreementKind, title: string, validFrom: string, validTo: string | null, isActive: boolean, version: number, parties: Array<{ role: string | null, operator: { id: string, name: string } }> } }> } };

export type WatchAreasQueryVariables = Exact<{
  crs?: Crs | null | undefined;
}>;


export type WatchAreasQuery = { watchAreas: Array<{ id: string, name: string, radiusMeters: number, subjects: Array<WatchSubject>, version: number, area: { type: string; coordinates: unknown } }> };

export type CreateWatchAreaMutationVariables = Exact<{
  input: CreateWatchAreaInput;
}>;


export type CreateWatchAreaMutation = { createWatchArea: { id: string, name: string, radiusMeters: number, subjects: Array<WatchSubject>, version: number } };

export type UpdateWatchAreaMutationVariables = Exact<{
  input: UpdateWatchAreaInput;
}>;


export type UpdateWatchAreaMutation = { updateWatchArea: { id: string, name: string, radiusMeters: number, subjects: Array<WatchSubject>, version: number } };

export type DeleteWatchAreaMutationVariables = Exact<{
  input: DeleteWatchAreaInput;
}>;


export type DeleteWatchAreaMutation = { deleteWatchArea: { id: string } };

export type AlertCursorsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertCursorsQuery = { watchAreaAlertCursor: string, changeEventCursor: string };

export type WatchAreaAlertsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  crs?: Crs | null | undefined;
}>;


export type WatchAreaAlertsSubscription = { watchAreaAlerts: { id: string, watchAreaId: string, watchAreaName: string, subject: WatchSubject, subjectId: string, change: WatchedChange, movement: WatchMovement, distanceMeters: number, title: string, kind: string | null, changedFields: Array<string>, changedAt: string, changedBy: string | null, location: { type: string; coordinates: unknown } | null } };

export type InterventionChangedSubscriptionVariables = Exact<{
  filter?: InterventionChangedFilter | null | undefined;
  after?: string | null | undefined;
  crs?: Crs | null | undefined;
}>;


export type InterventionChangedSubscription = { interventionChanged: { id: string, change: InterventionChange, interventionId: string, version: number, title: string, kind: string, category: InterventionCategory, sensitivity: Sensitivity, changedFields: Array<string>, changedAt: string, changedBy: string | null, location: { type: string; coordinates: unknown } | null, scene: { id: string, name: string } | null } };

export type AgreementChangedSubscriptionVariables = Exact<{
  filter?: AgreementChangedFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AgreementChangedSubscription = { agreementChanged: { id: string, change: AgreementChange, agreementId: string, title: string, kind: AgreementKind, validTo: string | null, daysLeft: number | null, changedFields: Array<string>, changedAt: string } };

export type CommitmentDueSubscriptionVariables = Exact<{
  withinDays: number;
  filter?: CommitmentDueFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type CommitmentDueSubscription = { commitmentDue: { id: string, commitmentId: string, description: string, dueDate: string, daysLeft: number, status: CommitmentStatus, agreement: { id: string, title: string } | null } };

export type SpatialScenesQueryVariables = Exact<{
  spatial: SpatialFilter;
  status?: Array<SceneStatus> | SceneStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  crs?: Crs | null | undefined;
}>;


export type SpatialScenesQuery = { scenes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, municipality: string, policeArea: string | null, status: SceneStatus, areaSquareMeters: number, perimeterMeters: number, centroid: { type: string; coordinates: unknown }, area: { type: string; coordinates: unknown } } }> } };

export type NearestScenesQueryVariables = Exact<{
  point: { type: string; coordinates: unknown };
  crs?: Crs | null | undefined;
  limit?: number | null | undefined;
  filter?: SceneFilter | null | undefined;
}>;


export type NearestScenesQuery = { nearestScenes: Array<{ distanceMeters: number, scene: { id: string, name: string, municipality: string, status: SceneStatus, centroid: { type: string; coordinates: unknown } } }> };

export type SceneStatisticsQueryVariables = Exact<{
  groupBy: SceneStatisticsGroupBy;
  at?: string | null | undefined;
  filter?: SceneFilter | null | undefined;
}>;


export type SceneStatisticsQuery = { sceneStatistics: Array<{ key: string | null, count: number, totalAreaSquareMeters: number }> };

export type InterventionStatisticsQueryVariables = Exact<{
  groupBy: InterventionStatisticsGroupBy;
  filter?: InterventionFilter | null | undefined;
}>;


export type InterventionStatisticsQuery = { interventionStatistics: Array<{ key: string, label: string | null, count: number }> };

export type SceneStatusEventCursorQueryVariables = Exact<{ [key: string]: never; }>;


export type SceneStatusEventCursorQuery = { sceneStatusEventCursor: string };

export type BoardScenesQueryVariables = Exact<{
  filter?: SceneFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  crs?: Crs | null | undefined;
}>;


export type BoardScenesQuery = { scenes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, municipality: string, status: SceneStatus, statusSince: string | null, version: number, area: { type: string; coordinates: unknown }, centroid: { type: string; coordinates: unknown } } }> } };

export type SceneStatusChangedSubscriptionVariables = Exact<{
  filter?: SceneStatusChangedFilter | null | undefined;
  after?: string | null | undefined;
  crs?: Crs | null | undefined;
}>;


export type SceneStatusChangedSubscription = { sceneStatusChanged: { id: string, from: SceneStatus | null, to: SceneStatus, reason: string, changedAt: string, changedBy: string | null, scene: { id: string, name: string, municipality: string, status: SceneStatus, statusSince: string | null, version: number, area: { type: string; coordinates: unknown }, centroid: { type: string; coordinates: unknown } } } };

export type CreateInterventionMutationVariables = Exact<{
  input: CreateInterventionInput;
}>;


export type CreateInterventionMutation = { createIntervention: { id: string, title: string, category: InterventionCategory, kind: string, sensitivity: Sensitivity, startsAt: string, endsAt: string | null, location: { type: string; coordinates: unknown }, version: number, owner: { id: string, name: string } } };

export type UpdateInterventionMutationVariables = Exact<{
  input: UpdateInterventionInput;
}>;


export type UpdateInterventionMutation = { updateIntervention: { id: string, title: string, version: number, location: { type: string; coordinates: unknown } } };

export type DeleteInterventionMutationVariables = Exact<{
  input: DeleteInterventionInput;
}>;


export type DeleteInterventionMutation = { deleteIntervention: { id: string, title: string } };

export type ShareInterventionMutationVariables = Exact<{
  input: ShareInterventionInput;
}>;


export type ShareInterventionMutation = { shareIntervention: { id: string, sensitivity: Sensitivity, sharedWith: Array<{ id: string, name: string }> } };

export type UnshareInterventionMutationVariables = Exact<{
  input: ShareInterventionInput;
}>;


export type UnshareInterventionMutation = { unshareIntervention: { id: string, sensitivity: Sensitivity, sharedWith: Array<{ id: string, name: string }> } };

export type InterventionListQueryVariables = Exact<{
  filter?: InterventionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InterventionListQuery = { interventions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, category: InterventionCategory, kind: string, sensitivity: Sensitivity, startsAt: string, endsAt: string | null, scene: { id: string, name: string }, owner: { id: string, name: string } } }> } };

export type SceneListQueryVariables = Exact<{
  filter?: SceneFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SceneListQuery = { scenes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, municipality: string, district: string | null, policeArea: string | null, status: SceneStatus, statusSince: string | null, version: number, areaSquareMeters: number, area: { type: string; coordinates: unknown } } }> } };

export type SceneDetailQueryVariables = Exact<{
  id: string;
  crs?: Crs | null | undefined;
}>;


export type SceneDetailQuery = { scene: { id: string, name: string, municipality: string, district: string | null, policeArea: string | null, statAreas: Array<string>, area: { type: string; coordinates: unknown }, centroid: { type: string; coordinates: unknown }, areaSquareMeters: number, status: SceneStatus, statusSince: string | null, version: number, problemProfile: { description: string | null, substances: Array<string>, crimeKinds: Array<string>, targetGroups: Array<string>, tags: Array<string> }, statusHistory: { edges: Array<{ node: { sceneVersion: number, from: SceneStatus | null, to: SceneStatus, reason: string, situationNote: string | null, changedAt: string | null, changedBy: string | null, changedByOperator: { id: string, name: string } | null } }> }, interventions: { edges: Array<{ node: { id: string, title: string, category: InterventionCategory, kind: string, startsAt: string, endsAt: string | null, owner: { id: string, name: string } } }> }, agreements: { edges: Array<{ node: { id: string, kind: AgreementKind, title: string, validFrom: string, validTo: string | null } }> } } };

export type ChangeSceneStatusMutationVariables = Exact<{
  input: ChangeSceneStatusInput;
}>;


export type ChangeSceneStatusMutation = { changeSceneStatus: { id: string, status: SceneStatus, statusSince: string | null, version: number } };


export const CreateAgreementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAgreement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAgreementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAgreement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"operator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commitments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CreateAgreementMutation, CreateAgreementMutationVariables>;
export const UpdateAgreementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAgreement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAgreementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAgreement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateAgreementMutation, UpdateAgreementMutationVariables>;
export const AddAgreementPartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAgreementParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddAgreementPartyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAgreementParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"operator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddAgreementPartyMutation, AddAgreementPartyMutationVariables>;
export const PendingAgreementInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingAgreementInvitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operatorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"operatorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operatorId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"partyStatus"},"value":{"kind":"EnumValue","value":"PENDING"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"scenes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"operator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingAgreementInvitationsQuery, PendingAgreementInvitationsQueryVariables>;
export const AcceptAgreementPartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptAgreementParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agreementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptAgreementParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agreementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agreementId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"respondedAt"}},{"kind":"Field","name":{"kind":"Name","value":"respondedBy"}},{"kind":"Field","name":{"kind":"Name","value":"operator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AcceptAgreementPartyMutation, AcceptAgreementPartyMutationVariables>;
export const DeclineAgreementPartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineAgreementParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agreementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineAgreementParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agreementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agreementId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"operator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeclineAgreementPartyMutation, DeclineAgreementPartyMutationVariables>;
export const AddCommitmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCommitment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCommitmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCommitment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"commitments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AddCommitmentMutation, AddCommitmentMutationVariables>;
export const UpdateCommitmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCommitment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCommitmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCommitment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<UpdateCommitmentMutation, UpdateCommitmentMutationVariables>;
export const AgreementListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgreementList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgreementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"operator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgreementListQuery, AgreementListQueryVariables>;
export const WatchAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WatchAreas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watchAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"radiusMeters"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]}]}}]}}]} as unknown as DocumentNode<WatchAreasQuery, WatchAreasQueryVariables>;
export const CreateWatchAreaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWatchArea"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWatchAreaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWatchArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"radiusMeters"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<CreateWatchAreaMutation, CreateWatchAreaMutationVariables>;
export const UpdateWatchAreaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWatchArea"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWatchAreaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWatchArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"radiusMeters"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateWatchAreaMutation, UpdateWatchAreaMutationVariables>;
export const DeleteWatchAreaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWatchArea"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteWatchAreaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWatchArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteWatchAreaMutation, DeleteWatchAreaMutationVariables>;
export const AlertCursorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AlertCursors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watchAreaAlertCursor"}},{"kind":"Field","name":{"kind":"Name","value":"changeEventCursor"}}]}}]} as unknown as DocumentNode<AlertCursorsQuery, AlertCursorsQueryVariables>;
export const WatchAreaAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WatchAreaAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watchAreaAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"watchAreaId"}},{"kind":"Field","name":{"kind":"Name","value":"watchAreaName"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"movement"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"changedFields"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]}]}}]}}]} as unknown as DocumentNode<WatchAreaAlertsSubscription, WatchAreaAlertsSubscriptionVariables>;
export const InterventionChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InterventionChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InterventionChangedFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interventionChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"interventionId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"changedFields"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InterventionChangedSubscription, InterventionChangedSubscriptionVariables>;
export const AgreementChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AgreementChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgreementChangedFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreementChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"agreementId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"changedFields"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]}}]} as unknown as DocumentNode<AgreementChangedSubscription, AgreementChangedSubscriptionVariables>;
export const CommitmentDueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CommitmentDue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CommitmentDueFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitmentDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"commitmentId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<CommitmentDueSubscription, CommitmentDueSubscriptionVariables>;
export const SpatialScenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpatialScenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spatial"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SpatialFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"spatial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spatial"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"policeArea"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"areaSquareMeters"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterMeters"}},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]},{"kind":"Field","name":{"kind":"Name","value":"area"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]}]}}]}}]}}]}}]} as unknown as DocumentNode<SpatialScenesQuery, SpatialScenesQueryVariables>;
export const NearestScenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NearestScenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"point"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GeoJSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nearestScenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"point"},"value":{"kind":"Variable","name":{"kind":"Name","value":"point"}}},{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]}]}}]}}]}}]} as unknown as DocumentNode<NearestScenesQuery, NearestScenesQueryVariables>;
export const SceneStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SceneStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneStatisticsGroupBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalAreaSquareMeters"}}]}}]}}]} as unknown as DocumentNode<SceneStatisticsQuery, SceneStatisticsQueryVariables>;
export const InterventionStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InterventionStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InterventionStatisticsGroupBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InterventionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interventionStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<InterventionStatisticsQuery, InterventionStatisticsQueryVariables>;
export const SceneStatusEventCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SceneStatusEventCursor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneStatusEventCursor"}}]}}]} as unknown as DocumentNode<SceneStatusEventCursorQuery, SceneStatusEventCursorQueryVariables>;
export const BoardScenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardScenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSince"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]}]}}]}}]}}]}}]} as unknown as DocumentNode<BoardScenesQuery, BoardScenesQueryVariables>;
export const SceneStatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SceneStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneStatusChangedFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSince"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]}]}}]}}]}}]} as unknown as DocumentNode<SceneStatusChangedSubscription, SceneStatusChangedSubscriptionVariables>;
export const CreateInterventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIntervention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInterventionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIntervention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateInterventionMutation, CreateInterventionMutationVariables>;
export const UpdateInterventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIntervention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateInterventionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIntervention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}}]}}]} as unknown as DocumentNode<UpdateInterventionMutation, UpdateInterventionMutationVariables>;
export const DeleteInterventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteIntervention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteInterventionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteIntervention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<DeleteInterventionMutation, DeleteInterventionMutationVariables>;
export const ShareInterventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareIntervention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareInterventionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareIntervention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ShareInterventionMutation, ShareInterventionMutationVariables>;
export const UnshareInterventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnshareIntervention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareInterventionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unshareIntervention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UnshareInterventionMutation, UnshareInterventionMutationVariables>;
export const InterventionListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InterventionList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InterventionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InterventionListQuery, InterventionListQueryVariables>;
export const SceneListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SceneList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"policeArea"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSince"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"areaSquareMeters"}},{"kind":"Field","name":{"kind":"Name","value":"area"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SceneListQuery, SceneListQueryVariables>;
export const SceneDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SceneDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"crs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Crs"}},"defaultValue":{"kind":"EnumValue","value":"EPSG_4326"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"policeArea"}},{"kind":"Field","name":{"kind":"Name","value":"statAreas"}},{"kind":"Field","name":{"kind":"Name","value":"problemProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"substances"}},{"kind":"Field","name":{"kind":"Name","value":"crimeKinds"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}},{"kind":"Field","name":{"kind":"Name","value":"area"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"crs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"crs"}}}]},{"kind":"Field","name":{"kind":"Name","value":"areaSquareMeters"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSince"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneVersion"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"situationNote"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"changedByOperator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"interventions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SceneDetailQuery, SceneDetailQueryVariables>;
export const ChangeSceneStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeSceneStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeSceneStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeSceneStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSince"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ChangeSceneStatusMutation, ChangeSceneStatusMutationVariables>;