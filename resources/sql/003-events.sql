-- Linli schema, version 3: volunteer activities and anti-fraud outreach.
-- Runs with foreign keys off (see migrate() in linli-store.c), as a table
-- is rebuilt here: dropping it must not cascade into the rows that point
-- at it. The store checks every foreign key before it commits.

-- The kind of a partner unit (共建单位).
ALTER TABLE organisation ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK ((kind = 'police' OR kind = 'school' OR kind = 'company' OR kind = 'association' OR kind = 'government' OR kind = 'other'));

-- Outreach gains the format 'performance' (文艺) and a flag for app installs
-- made away from the event (more installs than attendees). SQLite cannot
-- change a CHECK: the table is made anew, filled, and put in place of the
-- old one, the way https://sqlite.org/lang_altertable.html describes.
CREATE TABLE outreach_new (
  id                INTEGER PRIMARY KEY,
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  start_at          TEXT NOT NULL CHECK (julianday(start_at) IS NOT NULL),
  end_at            TEXT CHECK (end_at IS NULL OR julianday(end_at) >= julianday(start_at)),
  venue             TEXT,
  lat               REAL CHECK (lat BETWEEN -90 AND 90),
  lon               REAL CHECK (lon BETWEEN -180 AND 180),
  grid_id           INTEGER REFERENCES grid (id) ON DELETE SET NULL,
  speaker           TEXT,
  format            TEXT NOT NULL DEFAULT 'lecture'
                    CHECK ((format = 'lecture' OR format = 'stall' OR format = 'door-to-door' OR format = 'online' OR format = 'performance' OR format = 'other')),
  attendees         INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),
  leaflets          INTEGER NOT NULL DEFAULT 0 CHECK (leaflets >= 0),
  app_installs      INTEGER NOT NULL DEFAULT 0 CHECK (app_installs >= 0),
  consultations     INTEGER NOT NULL DEFAULT 0 CHECK (consultations >= 0),
  notes             TEXT,
  installs_off_site INTEGER NOT NULL DEFAULT 0 CHECK ((installs_off_site = 0 OR installs_off_site = 1)),
  CHECK (app_installs <= attendees OR installs_off_site = 1)
);

-- What was written before the rule keeps its counts: more installs than
-- attendees can only have been made off-site.
INSERT INTO outreach_new (id, title, start_at, end_at, venue, lat, lon, grid_id, speaker, format,
                          attendees, leaflets, app_installs, consultations, notes, installs_off_site)
  SELECT id, title, start_at, end_at, venue, lat, lon, grid_id, speaker, format,
         attendees, leaflets, app_installs, consultations, notes, app_installs > attendees
  FROM outreach;

DROP TABLE outreach;
ALTER TABLE outreach_new RENAME TO outreach;
CREATE INDEX outreach_by_start ON outreach (start_at DESC);
