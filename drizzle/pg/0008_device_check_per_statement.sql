ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_device_fk";
--> statement-breakpoint
ALTER TABLE "document_events" DROP CONSTRAINT "document_events_device_fk";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_device_fk";
--> statement-breakpoint
-- ---- Hand-written (decision 0035): the device reference of the event tables, checked once per statement. ----
-- The three foreign keys dropped above checked, for EVERY inserted row, that (org_id, device_id) is a device of that
-- organisation: one SPI query per row, ~13 % of PostgreSQL's CPU per ingest batch. The same rule is now checked once
-- per statement over the distinct registers of the statement's new rows (a transition table), for any writer (not
-- only the ingest statement), and raises 23503 (foreign_key_violation) like the foreign key did. The device rows are
-- locked FOR KEY SHARE, as the foreign key locked them, so a device cannot be deleted or re-keyed under rows that are
-- being inserted; the devices trigger below refuses deleting or re-keying a device that rows still name (the foreign
-- key's NO ACTION). The function runs as the caller: under row-level security a device of another organisation is
-- not visible, so a forged organisation or register finds nothing and is refused.
CREATE FUNCTION sago_check_event_devices() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  missing record;
BEGIN
  PERFORM 1 FROM devices d
   WHERE (d.org_id, d.id) IN (SELECT DISTINCT n.org_id, n.device_id FROM new_rows n)
     FOR KEY SHARE OF d;
  SELECT n.org_id, n.device_id INTO missing
    FROM (SELECT DISTINCT org_id, device_id FROM new_rows) n
   WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.org_id = n.org_id AND d.id = n.device_id)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "%" names device % that organisation % does not have',
      TG_TABLE_NAME, missing.device_id, missing.org_id
      USING ERRCODE = '23503', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_entries_device_check AFTER INSERT ON audit_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sago_check_event_devices();--> statement-breakpoint
CREATE TRIGGER document_events_device_check AFTER INSERT ON document_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sago_check_event_devices();--> statement-breakpoint
CREATE TRIGGER documents_device_check_insert AFTER INSERT ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sago_check_event_devices();--> statement-breakpoint
CREATE TRIGGER documents_device_check_update AFTER UPDATE ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sago_check_event_devices();--> statement-breakpoint
-- The other side of the reference: a device that events or documents name may not be deleted nor change its key.
CREATE FUNCTION sago_keep_referenced_devices() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.org_id = OLD.org_id THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_entries e WHERE e.org_id = OLD.org_id AND e.device_id = OLD.id)
     OR EXISTS (SELECT 1 FROM document_events e WHERE e.org_id = OLD.org_id AND e.device_id = OLD.id)
     OR EXISTS (SELECT 1 FROM documents d WHERE d.org_id = OLD.org_id AND d.device_id = OLD.id) THEN
    RAISE EXCEPTION 'device % of organisation % is still named by events or documents', OLD.id, OLD.org_id
      USING ERRCODE = '23503', TABLE = 'devices';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER devices_keep_referenced BEFORE DELETE OR UPDATE OF id, org_id ON devices
  FOR EACH ROW EXECUTE FUNCTION sago_keep_referenced_devices();
