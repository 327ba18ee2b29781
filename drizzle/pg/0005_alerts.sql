CREATE TABLE "alert_schedule" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"evaluate_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deliver_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alert_schedule" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"silent_after_minutes" integer DEFAULT 30 NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"device_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"gave_up_at" timestamp with time zone,
	"last_outcome" text
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_schedule" ADD CONSTRAINT "alert_schedule_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_device_fk" FOREIGN KEY ("org_id","device_id") REFERENCES "public"."devices"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open" ON "alerts" USING btree ("org_id","rule","device_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "alerts_raised" ON "alerts" USING btree ("org_id","raised_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("org_id","next_attempt_at") WHERE delivered_at is null and gave_up_at is null;--> statement-breakpoint
CREATE INDEX "audit_entries_folios" ON "audit_entries" USING btree ("org_id","device_id","chain_seq") WHERE action = 'hka.folios_checked';--> statement-breakpoint
CREATE POLICY "tenant_or_alert_worker" ON "alert_schedule" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid or current_setting('app.scope', true) = 'alert_worker') WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid or current_setting('app.scope', true) = 'alert_worker');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "alert_settings" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "alerts" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "webhook_deliveries" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Hand-written (drizzle-kit cannot FORCE row-level security nor write triggers); see 0001_force_rls.sql.
ALTER TABLE "alert_schedule" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alerts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Every organisation is on the alert worker's schedule from its creation (sago_create_organisation sets app.org_id,
-- so the insert passes the policy). Ingest also adds an organisation missing from it (one made before this migration
-- by an owner that is not a superuser, which the backfill below cannot see through forced RLS).
CREATE FUNCTION sago_schedule_organisation_alerts() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO alert_schedule (org_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER organisations_alert_schedule AFTER INSERT ON organisations
FOR EACH ROW EXECUTE FUNCTION sago_schedule_organisation_alerts();--> statement-breakpoint
INSERT INTO alert_schedule (org_id) SELECT id FROM organisations ON CONFLICT DO NOTHING;
