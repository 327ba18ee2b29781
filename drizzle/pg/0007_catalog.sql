CREATE TABLE "catalog_products" (
	"org_id" uuid NOT NULL,
	"codigo" text NOT NULL,
	"barcode" text,
	"descripcion" text NOT NULL,
	"unidad" text NOT NULL,
	"precio" numeric NOT NULL,
	"tasa_itbms" text NOT NULL,
	"codigo_cpbs" text,
	"unidad_medida_cpbs" text,
	"requiere_lote" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "catalog_products_pk" PRIMARY KEY("org_id","codigo")
);
--> statement-breakpoint
ALTER TABLE "catalog_products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "catalog_versions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_versions" ADD CONSTRAINT "catalog_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_products_version" ON "catalog_products" USING btree ("org_id","version","codigo");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_products_barcode" ON "catalog_products" USING btree ("org_id","barcode") WHERE barcode is not null;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "catalog_products" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "catalog_versions" AS PERMISSIVE FOR ALL TO public USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Tenant tables are fenced for their owner too (see 0001_force_rls.sql).
ALTER TABLE "catalog_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "catalog_products" FORCE ROW LEVEL SECURITY;
