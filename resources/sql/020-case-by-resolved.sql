-- A summary counts the cases of earlier periods still open in it, or
-- resolved in it or after, without reading every case of the file: those
-- resolved by when (case_by_resolved); those still open, a tenth of a
-- large file, from an index that holds every column the summary counts
-- (case_open_counts), so that their rows are not read one by one.
CREATE INDEX case_by_resolved ON case_record (resolved_at);
CREATE INDEX case_open_counts ON case_record
  (reported_at, grid_id, due_at, status, resolution_level, resolved_at, satisfaction, category, source)
  WHERE status IN ('registered', 'assigned', 'in-progress', 'escalated', 'suspended');
