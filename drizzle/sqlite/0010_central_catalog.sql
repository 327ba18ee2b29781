ALTER TABLE `products` ADD `central_version` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `central_applied_at` text;