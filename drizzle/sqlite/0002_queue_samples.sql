CREATE TABLE `queue_samples` (
	`at` integer PRIMARY KEY NOT NULL,
	`waiting` integer NOT NULL
) STRICT;
