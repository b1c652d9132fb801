-- What PostGraphile needs beyond the application's tables to answer the spatial workloads, in
-- a schema of its own (the application's migrations own `public`). PostGraphile has no spatial
-- filter without a PostGIS plugin, and none is published for v5 (@graphile/postgis on npm is
-- for v4), so these are SQL functions, which PostGraphile exposes as it exposes any function:
-- "custom queries" at the root (named with the schema: `benchPgScenesNear`, …) and "computed
-- columns" (`Scene.areaGeojson`). Run by server.js at every start, as the connecting
-- superuser; idempotent.
--
-- The functions are LANGUAGE sql, STABLE, not STRICT and not SECURITY DEFINER, so PostgreSQL
-- inlines them into PostGraphile's statement (with its LIMIT) and they read the tables as the
-- caller: `app_viewer` under the application's row-level security, like the other two servers.
-- The spatial conditions are the raw baseline's, written the same way so that they use the
-- same `(area::geography)` and `(location::geography)` GiST indexes: distances in metres on the
-- spheroid.

create schema if not exists bench_pg;

-- Root field `benchPgScenesNear(point, meters)`: scenes within `meters` of a GeoJSON point.
create or replace function bench_pg.scenes_near(point text, meters float8) returns setof public.scene
  language sql stable parallel safe as $$
  select * from public.scene
   where archived_at is null
     and ST_DWithin(area::geography, ST_SetSRID(ST_GeomFromGeoJSON(point), 4326)::geography, meters)
   order by name, id
$$;

-- Field `Scene.areaGeojson`: the area as GeoJSON (PostGraphile does not know `geometry`).
create or replace function bench_pg.scene_area_geojson(s public.scene) returns json
  language sql stable parallel safe as $$
  select ST_AsGeoJSON(s.area, 9)::json
$$;

-- Root field `benchPgInterventionsNear(point, meters)`, newest first.
create or replace function bench_pg.interventions_near(point text, meters float8) returns setof public.intervention
  language sql stable parallel safe as $$
  select * from public.intervention
   where ST_DWithin(location::geography, ST_SetSRID(ST_GeomFromGeoJSON(point), 4326)::geography, meters)
   order by starts_at desc, id desc
$$;

-- Root field `benchPgNearestScenes(point, count)`: a distance and its scene, nearest first.
-- The row type is a table (never written to) rather than a composite type, so that its foreign
-- key gives PostGraphile the relation `sceneBySceneId`. PostGraphile does not join a relation
-- into a statement that reads a function: it reads the ten scenes in a second statement, batched
-- (a computed column `scene_distance_scene` does the same, less directly).
create table if not exists bench_pg.scene_distance (
  scene_id uuid primary key references public.scene (id),
  distance_meters float8 not null
);

create or replace function bench_pg.nearest_scenes(point text, count int) returns setof bench_pg.scene_distance
  language sql stable parallel safe as $$
  select id, ST_Distance(area::geography, ST_SetSRID(ST_GeomFromGeoJSON(point), 4326)::geography)
    from public.scene
   where archived_at is null
   order by area::geography <-> ST_SetSRID(ST_GeomFromGeoJSON(point), 4326)::geography
   limit count
$$;

grant usage on schema bench_pg to app_viewer;
grant select on all tables in schema bench_pg to app_viewer;
grant execute on all functions in schema bench_pg to app_viewer;
