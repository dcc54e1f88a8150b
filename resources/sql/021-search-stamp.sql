-- The case search keeps its index in the user's cache folder, outside this
-- file, with the stamp of the text it was read from; it is used again only
-- while the stamp here is the same. Every change to what the search reads
-- (a case's number, title, description, address, reporter or id; a
-- resident's name, phone or id) sets a new random stamp, by triggers, so
-- that writes by any SQLite program change it too. Random, not a count:
-- two copies of one file changed apart never come to the same stamp.
--
-- Inserts pay for it: with a trigger, SQLite keeps a statement journal for
-- each INSERT into case_record, 0.06-0.2 s of CPU in a 100,000-case import.
CREATE TABLE search_stamp (stamp INTEGER NOT NULL);
INSERT INTO search_stamp (stamp) VALUES (random ());

CREATE TRIGGER search_stamp_case_inserted AFTER INSERT ON case_record
BEGIN
  UPDATE search_stamp SET stamp = random ();
END;
CREATE TRIGGER search_stamp_case_deleted AFTER DELETE ON case_record
BEGIN
  UPDATE search_stamp SET stamp = random ();
END;
CREATE TRIGGER search_stamp_case_updated
  AFTER UPDATE OF id, number, title, description, address, reporter_id ON case_record
BEGIN
  UPDATE search_stamp SET stamp = random ();
END;
CREATE TRIGGER search_stamp_resident_updated AFTER UPDATE OF id, name, phone ON resident
BEGIN
  UPDATE search_stamp SET stamp = random ();
END;
CREATE TRIGGER search_stamp_resident_deleted AFTER DELETE ON resident
BEGIN
  UPDATE search_stamp SET stamp = random ();
END;
