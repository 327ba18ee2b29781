-- Custom SQL migration file, put your code below! --
-- drizzle-kit can ENABLE row-level security but not FORCE it. FORCE makes the policies apply to the tables' owner
-- too (only superusers and BYPASSRLS roles escape them), so a migration owner that is not a superuser is fenced in
-- as well. Every new tenant table needs its line here; the server refuses to start when one is missing.
ALTER TABLE "organisations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "admin_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stores" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "devices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "enrolment_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "document_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "documents" FORCE ROW LEVEL SECURITY;
