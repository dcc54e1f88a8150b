-- The base map is part of the community: whoever opens the file sees the
-- community on the same map. Coordinates of the site plan's control points
-- are stored as JSON: [[image x, image y, longitude, latitude], ...].
ALTER TABLE community ADD COLUMN base_map TEXT NOT NULL DEFAULT 'none'
  CHECK ((base_map = 'none' OR base_map = 'osm' OR base_map = 'xyz' OR base_map = 'mbtiles' OR base_map = 'site-plan'));
ALTER TABLE community ADD COLUMN tile_url TEXT
  CHECK (tile_url IS NULL OR (instr(tile_url, '{x}') > 0 AND instr(tile_url, '{y}') > 0 AND instr(tile_url, '{z}') > 0));
ALTER TABLE community ADD COLUMN mbtiles_path TEXT;
ALTER TABLE community ADD COLUMN site_plan_path TEXT;
ALTER TABLE community ADD COLUMN site_plan_points TEXT;
ALTER TABLE community ADD COLUMN site_plan_opacity REAL NOT NULL DEFAULT 0.7
  CHECK (site_plan_opacity BETWEEN 0 AND 1);
