-- Custom SQL migration file, put your code below! --
-- The platform operator's two writes (a new organisation with its first admin key; another admin key) as functions
-- owned by the schema owner. The CLI calls them as the owner; a running PGlite server calls them for the CLI through
-- its loopback system routes, as the API role, which is granted EXECUTE on them only in that mode (prepare-database.ts)
-- and otherwise may still not INSERT into organisations or admin_keys. Each sets the new organisation as the
-- transaction's RLS scope, which is what lets a non-superuser owner write under FORCE ROW LEVEL SECURITY.
CREATE FUNCTION sago_create_organisation(p_org_id uuid, p_name text, p_key_hash text, p_label text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF length(btrim(p_name)) NOT BETWEEN 1 AND 200 THEN
    RAISE EXCEPTION 'organisation name must have 1-200 characters' USING ERRCODE = '22023';
  END IF;
  PERFORM set_config('app.org_id', p_org_id::text, true);
  INSERT INTO organisations (id, name) VALUES (p_org_id, btrim(p_name));
  INSERT INTO admin_keys (org_id, key_hash, label) VALUES (p_org_id, p_key_hash, p_label);
END $$;--> statement-breakpoint
CREATE FUNCTION sago_add_admin_key(p_org_id uuid, p_key_hash text, p_label text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.org_id', p_org_id::text, true);
  IF NOT EXISTS (SELECT 1 FROM organisations WHERE id = p_org_id) THEN
    RETURN false;
  END IF;
  INSERT INTO admin_keys (org_id, key_hash, label) VALUES (p_org_id, p_key_hash, p_label);
  RETURN true;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sago_create_organisation(uuid, text, text, text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION sago_add_admin_key(uuid, text, text) FROM PUBLIC;
