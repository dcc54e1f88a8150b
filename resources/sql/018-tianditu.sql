-- 天地图 (Tianditu) is a base map of its own: base_map = 'tianditu'. The
-- user's key is a setting of the computer, not of the community's file.
-- A CHECK cannot be changed in place: the table is made anew, as in
-- 012-staff.sql; its columns keep their order.
CREATE TABLE community_new (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  subdistrict  TEXT,
  city         TEXT,
  center_lat   REAL NOT NULL CHECK (center_lat BETWEEN -90 AND 90),
  center_lon   REAL NOT NULL CHECK (center_lon BETWEEN -180 AND 180),
  zoom         REAL NOT NULL DEFAULT 16 CHECK (zoom BETWEEN 1 AND 20),
  secretary    TEXT,
  is_demo      INTEGER NOT NULL DEFAULT 0 CHECK ((is_demo = 0 OR is_demo = 1)),
  created_at   TEXT NOT NULL,
  base_map     TEXT NOT NULL DEFAULT 'none'
    CHECK ((base_map = 'none' OR base_map = 'osm' OR base_map = 'tianditu' OR base_map = 'xyz' OR base_map = 'mbtiles' OR base_map = 'site-plan')),
  tile_url     TEXT
    CHECK (tile_url IS NULL OR (instr(tile_url, '{x}') > 0 AND instr(tile_url, '{y}') > 0 AND instr(tile_url, '{z}') > 0)),
  mbtiles_path TEXT,
  site_plan_path TEXT,
  site_plan_points TEXT,
  site_plan_opacity REAL NOT NULL DEFAULT 0.7
    CHECK (site_plan_opacity BETWEEN 0 AND 1)
);

INSERT INTO community_new SELECT * FROM community;

DROP TABLE community;
ALTER TABLE community_new RENAME TO community;
