-- A 民情日记 entry is never changed or removed: a wrong one is corrected by
-- a new entry of kind 'correction' that points at it (corrects_id), so the
-- diary keeps both what was written and who put it right, and when. The
-- kind CHECK cannot be changed in place: the table is made anew, as in
-- 012-staff.sql.
CREATE TABLE case_event_new (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
  at           TEXT NOT NULL CHECK (julianday(at) IS NOT NULL),
  worker_id    INTEGER REFERENCES worker (id) ON DELETE SET NULL,
  kind         TEXT NOT NULL CHECK ((kind = 'note' OR kind = 'visit' OR kind = 'status' OR kind = 'assignment' OR kind = 'escalation' OR kind = 'feedback' OR kind = 'correction')),
  text         TEXT,
  from_value   TEXT,  -- status nick or worker id before a change
  to_value     TEXT,
  corrects_id  INTEGER REFERENCES case_event_new (id) ON DELETE CASCADE,
  CHECK ((kind = 'correction') = (corrects_id IS NOT NULL))
);

INSERT INTO case_event_new (id, case_id, at, worker_id, kind, text, from_value, to_value)
  SELECT id, case_id, at, worker_id, kind, text, from_value, to_value FROM case_event;

DROP TABLE case_event;
ALTER TABLE case_event_new RENAME TO case_event;
CREATE INDEX case_event_by_case ON case_event (case_id, at);
