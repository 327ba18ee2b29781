CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`opened_at` text NOT NULL,
	`opened_by` text NOT NULL,
	`opening_cash` text NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`counted_cash` text,
	`z_report` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `shifts_open` ON `shifts` (`closed_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`active` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username` ON `users` (`username`);