ALTER TABLE `audit_log` ADD `actor_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `approved_by_name` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`id`);--> statement-breakpoint
ALTER TABLE `shifts` ADD `difference_reason` text;--> statement-breakpoint
ALTER TABLE `shifts` ADD `close_approved_by` text;--> statement-breakpoint
-- Append-only audit trail (hand-written: drizzle's schema cannot declare triggers). A sealed row (hash set) can be
-- neither changed nor deleted; rows written before the chain existed are sealed once by the app (hash null → set).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` WHEN OLD.`hash` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_sealed_insert` BEFORE INSERT ON `audit_log` WHEN NEW.`hash` IS NULL OR NEW.`prev_hash` IS NULL
BEGIN SELECT RAISE(ABORT, 'audit_log entries are written sealed'); END;
