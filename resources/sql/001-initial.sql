-- Linli schema, version 1.
-- Times are ISO 8601 text with their UTC offset; coordinates are WGS-84.
-- The text of every enumerated column is the nick of its LinliXxx enum.
-- Allowed values are spelled out as OR chains: SQLite evaluates a CHECK with
-- x IN (list) by building a temporary index for every row it writes.

PRAGMA application_id = 1280199753;  -- 'LNLI' (0x4C4E4C49): marks the file as Linli's

CREATE TABLE community (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  subdistrict  TEXT,
  city         TEXT,
  center_lat   REAL NOT NULL CHECK (center_lat BETWEEN -90 AND 90),
  center_lon   REAL NOT NULL CHECK (center_lon BETWEEN -180 AND 180),
  zoom         REAL NOT NULL DEFAULT 16 CHECK (zoom BETWEEN 1 AND 20),
  secretary    TEXT,
  is_demo      INTEGER NOT NULL DEFAULT 0 CHECK ((is_demo = 0 OR is_demo = 1)),
  created_at   TEXT NOT NULL
);

CREATE TABLE grid (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind         TEXT NOT NULL CHECK ((kind = 'management' OR kind = 'sentiment')),
  color        TEXT NOT NULL DEFAULT '#3584e4'
               CHECK (length(color) = 7 AND color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  boundary     TEXT,  -- GeoJSON Polygon or MultiPolygon geometry
  households   INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  population   INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
  notes        TEXT,
  valid_from   TEXT,
  valid_to     TEXT,
  CHECK (valid_from IS NULL OR valid_to IS NULL OR julianday(valid_to) >= julianday(valid_from))
);

CREATE TABLE worker (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role         TEXT NOT NULL CHECK ((role = 'grid-worker' OR role = 'committee-member' OR role = 'sentiment-secretary')),
  phone        TEXT,
  notes        TEXT
);

CREATE TABLE grid_worker (
  grid_id      INTEGER NOT NULL REFERENCES grid (id) ON DELETE CASCADE,
  worker_id    INTEGER NOT NULL REFERENCES worker (id) ON DELETE CASCADE,
  PRIMARY KEY (grid_id, worker_id)
) WITHOUT ROWID;
CREATE INDEX grid_worker_by_worker ON grid_worker (worker_id);

CREATE TABLE building (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  grid_id      INTEGER REFERENCES grid (id) ON DELETE SET NULL,
  lat          REAL CHECK (lat BETWEEN -90 AND 90),
  lon          REAL CHECK (lon BETWEEN -180 AND 180),
  units        INTEGER NOT NULL DEFAULT 1 CHECK (units >= 0),
  floors       INTEGER NOT NULL DEFAULT 1 CHECK (floors >= 0),
  households   INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  notes        TEXT
);
CREATE INDEX building_by_grid ON building (grid_id);

-- Personal data is kept apart from the case and minimal: no ID numbers.
CREATE TABLE resident (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  phone        TEXT,
  address      TEXT
);

CREATE TABLE case_record (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE CHECK (number GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),
  title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  description      TEXT,
  category         TEXT NOT NULL CHECK (length(trim(category)) > 0),
  subcategory      TEXT,
  source           TEXT NOT NULL CHECK (length(trim(source)) > 0),
  reporter_id      INTEGER REFERENCES resident (id) ON DELETE SET NULL,  -- NULL: anonymous
  building_id      INTEGER REFERENCES building (id) ON DELETE SET NULL,
  address          TEXT,  -- unit, floor and room as the resident says it
  lat              REAL CHECK (lat BETWEEN -90 AND 90),
  lon              REAL CHECK (lon BETWEEN -180 AND 180),
  grid_id          INTEGER REFERENCES grid (id) ON DELETE SET NULL,
  grid_overridden  INTEGER NOT NULL DEFAULT 0 CHECK ((grid_overridden = 0 OR grid_overridden = 1)),
  urgency          TEXT NOT NULL DEFAULT 'normal' CHECK ((urgency = 'low' OR urgency = 'normal' OR urgency = 'high' OR urgency = 'urgent')),
  worker_id        INTEGER REFERENCES worker (id) ON DELETE SET NULL,
  responsible_unit TEXT,
  reported_at      TEXT NOT NULL CHECK (julianday(reported_at) IS NOT NULL),
  due_at           TEXT CHECK (due_at IS NULL OR julianday(due_at) > julianday(reported_at)),
  status           TEXT NOT NULL DEFAULT 'registered'
                   CHECK ((status = 'registered' OR status = 'assigned' OR status = 'in-progress' OR status = 'resolved' OR status = 'revisited' OR status = 'escalated' OR status = 'suspended' OR status = 'void' OR status = 'duplicate')),
  resolution_level TEXT CHECK ((resolution_level = 'grid' OR resolution_level = 'community' OR resolution_level = 'subdistrict')),
  resolution       TEXT,
  resolved_at      TEXT CHECK (resolved_at IS NULL OR julianday(resolved_at) >= julianday(reported_at)),
  satisfaction     TEXT CHECK ((satisfaction = 'satisfied' OR satisfaction = 'basically-satisfied' OR satisfaction = 'dissatisfied')),
  revisited_at     TEXT CHECK (revisited_at IS NULL OR julianday(revisited_at) >= julianday(reported_at)),
  revisit_notes    TEXT,
  duplicate_of     INTEGER REFERENCES case_record (id) ON DELETE SET NULL CHECK (duplicate_of IS NOT id),
  CHECK ((status <> 'resolved' AND status <> 'revisited')
         OR (coalesce(length(trim(resolution)), 0) > 0 AND resolved_at IS NOT NULL)),
  CHECK (status <> 'revisited' OR revisited_at IS NOT NULL),
  CHECK (status <> 'duplicate' OR duplicate_of IS NOT NULL)
);
CREATE INDEX case_by_reported ON case_record (reported_at DESC, id DESC);
CREATE INDEX case_by_grid ON case_record (grid_id);
CREATE INDEX case_by_status ON case_record (status);
CREATE INDEX case_by_worker ON case_record (worker_id);

-- The 民情日记: the timeline of a case.
CREATE TABLE case_event (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
  at           TEXT NOT NULL CHECK (julianday(at) IS NOT NULL),
  worker_id    INTEGER REFERENCES worker (id) ON DELETE SET NULL,
  kind         TEXT NOT NULL CHECK ((kind = 'note' OR kind = 'visit' OR kind = 'status' OR kind = 'assignment' OR kind = 'escalation' OR kind = 'feedback')),
  text         TEXT,
  from_value   TEXT,  -- status nick or worker id before a change
  to_value     TEXT
);
CREATE INDEX case_event_by_case ON case_event (case_id, at);

CREATE TABLE volunteer (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  phone        TEXT,
  skills       TEXT,
  number       TEXT UNIQUE,  -- registered volunteer number
  notes        TEXT
);

-- Partner units (共建单位) and organisers.
CREATE TABLE organisation (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  contact      TEXT,
  phone        TEXT,
  notes        TEXT
);

CREATE TABLE activity (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  type          TEXT NOT NULL CHECK (length(trim(type)) > 0),
  start_at      TEXT NOT NULL CHECK (julianday(start_at) IS NOT NULL),
  end_at        TEXT CHECK (end_at IS NULL OR julianday(end_at) >= julianday(start_at)),
  venue         TEXT,
  lat           REAL CHECK (lat BETWEEN -90 AND 90),
  lon           REAL CHECK (lon BETWEEN -180 AND 180),
  grid_id       INTEGER REFERENCES grid (id) ON DELETE SET NULL,
  organiser     TEXT,
  beneficiaries INTEGER NOT NULL DEFAULT 0 CHECK (beneficiaries >= 0),
  status        TEXT NOT NULL DEFAULT 'planned' CHECK ((status = 'planned' OR status = 'done' OR status = 'cancelled')),
  description   TEXT
);
CREATE INDEX activity_by_start ON activity (start_at DESC);

CREATE TABLE activity_partner (
  activity_id     INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, organisation_id)
) WITHOUT ROWID;

CREATE TABLE participation (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
  role         TEXT,
  hours        REAL NOT NULL DEFAULT 0 CHECK (hours >= 0 AND hours <= 24),
  UNIQUE (activity_id, volunteer_id)
);
CREATE INDEX participation_by_volunteer ON participation (volunteer_id);

CREATE TABLE outreach (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  start_at      TEXT NOT NULL CHECK (julianday(start_at) IS NOT NULL),
  end_at        TEXT CHECK (end_at IS NULL OR julianday(end_at) >= julianday(start_at)),
  venue         TEXT,
  lat           REAL CHECK (lat BETWEEN -90 AND 90),
  lon           REAL CHECK (lon BETWEEN -180 AND 180),
  grid_id       INTEGER REFERENCES grid (id) ON DELETE SET NULL,
  speaker       TEXT,
  format        TEXT NOT NULL DEFAULT 'lecture'
                CHECK ((format = 'lecture' OR format = 'stall' OR format = 'door-to-door' OR format = 'online' OR format = 'other')),
  attendees     INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),
  leaflets      INTEGER NOT NULL DEFAULT 0 CHECK (leaflets >= 0),
  app_installs  INTEGER NOT NULL DEFAULT 0 CHECK (app_installs >= 0),
  consultations INTEGER NOT NULL DEFAULT 0 CHECK (consultations >= 0),
  notes         TEXT
);
CREATE INDEX outreach_by_start ON outreach (start_at DESC);

CREATE TABLE outreach_organiser (
  outreach_id     INTEGER NOT NULL REFERENCES outreach (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  PRIMARY KEY (outreach_id, organisation_id)
) WITHOUT ROWID;

CREATE TABLE outreach_target_group (
  outreach_id  INTEGER NOT NULL REFERENCES outreach (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  PRIMARY KEY (outreach_id, name)
) WITHOUT ROWID;

CREATE TABLE outreach_topic (
  outreach_id  INTEGER NOT NULL REFERENCES outreach (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  PRIMARY KEY (outreach_id, name)
) WITHOUT ROWID;
