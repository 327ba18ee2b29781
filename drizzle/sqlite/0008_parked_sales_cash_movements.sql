CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`shift_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`approved_by` text,
	`created_at` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `cash_movements_shift` ON `cash_movements` (`shift_id`);--> statement-breakpoint
CREATE TABLE `parked_sales` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`basket` text NOT NULL,
	`total` text NOT NULL,
	`line_count` integer NOT NULL,
	`parked_by` text NOT NULL,
	`parked_by_name` text NOT NULL,
	`reason` text NOT NULL,
	`parked_at` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `parked_sales_at` ON `parked_sales` (`parked_at`);--> statement-breakpoint
CREATE TABLE `till_draft` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`basket` text NOT NULL,
	`updated_at` text NOT NULL
) STRICT;
