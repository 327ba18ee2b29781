CREATE TABLE "device_point_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"codigo_sucursal" text NOT NULL,
	"punto_facturacion" text NOT NULL,
	"device_id" uuid NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" uuid
);
--> statement-breakpoint
ALTER TABLE "device_point_claims" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "device_point_claims" ADD CONSTRAINT "device_point_claims_device_fk" FOREIGN KEY ("org_id","device_id") REFERENCES "public"."devices"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_point_claims" ADD CONSTRAINT "device_point_claims_store_fk" FOREIGN KEY ("org_id","store_id") REFERENCES "public"."stores"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_point_claims_point" ON "device_point_claims" USING btree ("org_id","codigo_sucursal","punto_facturacion") WHERE released_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "device_point_claims_device" ON "device_point_claims" USING btree ("org_id","device_id") WHERE released_at is null;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "device_point_claims" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Hand-written: drizzle-kit can ENABLE row-level security but not FORCE it (see 0001_force_rls.sql).
ALTER TABLE "device_point_claims" FORCE ROW LEVEL SECURITY;
