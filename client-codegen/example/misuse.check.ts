/**
 * Compile-time proof that the generated client catches mistakes: never run, only type-checked
 * (`npx tsc --noEmit -p tsconfig.json`). Each `@ts-expect-error` marks a line that must NOT
 * compile; if the generated types ever stop catching one of these mistakes, the directive itself
 * becomes an error ("Unused '@ts-expect-error' directive") and the type-check fails.
 */
import {
  BoardScenesDocument,
  ChangeSceneStatusDocument,
  NearestScenesDocument,
  SceneStatusChangedDocument,
  type BoardScenesQuery,
  type BoardScenesQueryVariables,
  type ChangeSceneStatusMutationVariables,
  type SceneStatusChangedSubscription,
} from '../generated/graphql';
import { request, subscribe } from './partner-client';
import type { Client } from 'graphql-ws';

declare const url: string;
declare const token: string;
declare const client: Client;

export async function correctUse(): Promise<string[]> {
  const { scenes } = await request(url, token, BoardScenesDocument, { first: 10 });
  await request(url, token, ChangeSceneStatusDocument, {
    input: { sceneId: scenes.edges[0]!.node.id, status: 'ACTIVE', reason: 'Weekly picture', expectedVersion: 1 },
  });
  return scenes.edges.map((edge) => edge.node.name);
}

export async function misspelledFields(page: BoardScenesQuery, event: SceneStatusChangedSubscription): Promise<unknown[]> {
  const { scenes } = await request(url, token, BoardScenesDocument, {});
  return [
    // @ts-expect-error `nmae` is not a field of Scene
    scenes.edges[0]?.node.nmae,
    // @ts-expect-error `district` is a Scene field, but BoardScenes does not select it
    page.scenes.edges[0]?.node.district,
    // @ts-expect-error the event's field is `changedAt`, not `changedOn`
    event.sceneStatusChanged.changedOn,
    // @ts-expect-error `totalcount` is spelled `totalCount`
    page.scenes.totalcount,
  ];
}

export async function wrongVariables(): Promise<void> {
  // @ts-expect-error `first` is an Int, not a String
  const page: BoardScenesQueryVariables = { first: '20' };
  // @ts-expect-error `OPEN` is not a SceneStatus
  const change: ChangeSceneStatusMutationVariables = { input: { sceneId: 'id', status: 'OPEN', reason: 'r', expectedVersion: 1 } };
  // @ts-expect-error `reason` is required by ChangeSceneStatusInput
  await request(url, token, ChangeSceneStatusDocument, { input: { sceneId: 'id', status: 'ACTIVE', expectedVersion: 1 } });
  // @ts-expect-error `point` is required by NearestScenes
  await request(url, token, NearestScenesDocument, { limit: 5 });
  // @ts-expect-error `statuses` takes SceneStatus values, not free text
  subscribe(client, SceneStatusChangedDocument, { filter: { statuses: ['active'] } });
  // @ts-expect-error `expectedVersion` is an Int
  await request(url, token, ChangeSceneStatusDocument, { input: { sceneId: 'id', status: 'ACTIVE', reason: 'r', expectedVersion: '1' } });
  void [page, change];
}
