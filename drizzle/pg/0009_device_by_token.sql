-- Custom SQL migration file, put your code below! --
-- A register's device token resolved in ONE round trip (decision 0042). The API used to open a transaction for it
-- (BEGIN, set the organisation, select, COMMIT: four round trips before every batch); this function does the same
-- inside the single statement that calls it. It runs as the caller (SECURITY INVOKER), so the API role's row-level
-- security still decides what it may see: it scopes the statement's transaction to the organisation the credential
-- names, then looks the hash up among that organisation's devices. A token of organisation A presented as B's (or B's
-- token as A's) matches no row; a revoked token matches no row. The previous organisation setting is put back, so a
-- caller inside a tenant transaction keeps its scope. A SECURITY DEFINER function would run as the schema owner,
-- which may be a superuser (tests, benches) and then bypasses row-level security entirely.
CREATE FUNCTION sago_device_by_token(p_org_id uuid, p_token_hash text)
RETURNS TABLE (org_id uuid, device_id uuid, store_id uuid)
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  previous text := current_setting('app.org_id', true);
BEGIN
  PERFORM set_config('app.org_id', p_org_id::text, true);
  RETURN QUERY
    SELECT d.org_id, d.id, d.store_id FROM devices d
     WHERE d.org_id = p_org_id AND d.token_hash = p_token_hash AND d.revoked_at IS NULL
     LIMIT 1;
  PERFORM set_config('app.org_id', coalesce(previous, ''), true);
END $$;
