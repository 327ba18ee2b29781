ALTER TABLE `fiscal_series` ADD `blocked_by_collision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `fiscal_series` ADD `probed_at` text;--> statement-breakpoint
ALTER TABLE `fiscal_series` ADD `probe_reason` text;--> statement-breakpoint
ALTER TABLE `fiscal_series` ADD `probe_highest` integer;--> statement-breakpoint
ALTER TABLE `fiscal_series` ADD `probe_calls` integer;--> statement-breakpoint
ALTER TABLE `outbox_jobs` ADD `identity_proof` text;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_cufe` ON `documents` (`cufe`);