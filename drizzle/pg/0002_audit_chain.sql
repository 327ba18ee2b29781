CREATE TABLE "audit_chain_breaks" (
	"org_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"chain_seq" bigint NOT NULL,
	"reason" text NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_breaks_pk" PRIMARY KEY("org_id","device_id","chain_seq","reason")
);
--> statement-breakpoint
ALTER TABLE "audit_chain_breaks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "actor_name" text;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "approved_by_name" text;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "audit_chain_breaks" ADD CONSTRAINT "audit_chain_breaks_device_fk" FOREIGN KEY ("org_id","device_id") REFERENCES "public"."devices"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_chain" ON "audit_entries" USING btree ("org_id","device_id","chain_seq");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "audit_chain_breaks" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Hand-written: drizzle-kit can ENABLE row-level security but not FORCE it (see 0001_force_rls.sql).
ALTER TABLE "audit_chain_breaks" FORCE ROW LEVEL SECURITY;
