-- The office's staff register (人员): the roles an office keeps beyond the
-- first three — full-time community workers (专职工作者) and any other the
-- office names itself (role 'other' with its role_title) — and the day a
-- person left. A person who left stays in the file, so that the cases, the
-- reports and the 民情日记 they wrote still name them; new work is no
-- longer offered to them. The role CHECK cannot be changed in place: the
-- table is made anew (https://sqlite.org/lang_altertable.html), with
-- foreign keys off while migrations run (see migrate() in linli-store.c).
CREATE TABLE worker_new (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role         TEXT NOT NULL CHECK ((role = 'grid-worker' OR role = 'committee-member' OR role = 'sentiment-secretary' OR role = 'full-time' OR role = 'other')),
  phone        TEXT,
  notes        TEXT,
  role_title   TEXT,
  left_at      TEXT CHECK (left_at IS NULL OR julianday(left_at) IS NOT NULL)
);

INSERT INTO worker_new (id, name, role, phone, notes)
  SELECT id, name, role, phone, notes FROM worker;

DROP TABLE worker;
ALTER TABLE worker_new RENAME TO worker;
