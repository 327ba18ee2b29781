CREATE TABLE `document_search_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nombre` text,
	`ruc` text,
	`n` integer DEFAULT 0 NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `document_search_keys_value` ON `document_search_keys` (`nombre`,`ruc`);--> statement-breakpoint
ALTER TABLE `document_search` ADD `key_id` integer;--> statement-breakpoint
ALTER TABLE `document_search` ADD `created_at` text;--> statement-breakpoint
-- ===== Issue 17, decision 0034 (hand-written below: drizzle has no virtual tables or triggers) =====
-- The trigram index moves from every named document (document_search_fts: its doclists grow with the history, ~1 ms
-- per 30 000 named documents for a three-word name) to the distinct customers (document_search_keys: a shop's
-- customers, not its history). A customer's documents are then read newest first from document_search's new indexes.
DROP TRIGGER `document_search_fts_insert`;--> statement-breakpoint
DROP TRIGGER `document_search_fts_delete`;--> statement-breakpoint
DROP TABLE `document_search_fts`;--> statement-breakpoint
-- Backfill: one key per distinct (name, RUC) in order of first use, then each row's key and its document's created_at.
-- The two indexes on document_search are created after this update (drizzle generated them before it), so the update
-- does not maintain them row by row.
INSERT INTO `document_search_keys` (`nombre`, `ruc`)
  SELECT `nombre`, `ruc` FROM `document_search` GROUP BY `nombre`, `ruc` ORDER BY min(`seq`);--> statement-breakpoint
UPDATE `document_search` SET
  `key_id` = (SELECT k.`id` FROM `document_search_keys` k WHERE k.`nombre` IS `document_search`.`nombre` AND k.`ruc` IS `document_search`.`ruc`),
  `created_at` = (SELECT d.`created_at` FROM `documents` d WHERE d.`id` = `document_search`.`document_id`);--> statement-breakpoint
CREATE INDEX `document_search_key_created` ON `document_search` (`key_id`,`created_at`,`document_id`);--> statement-breakpoint
CREATE INDEX `document_search_created` ON `document_search` (`created_at`,`document_id`,`key_id`);--> statement-breakpoint
UPDATE `document_search_keys` SET `n` = (SELECT count(*) FROM `document_search` s WHERE s.`key_id` = `document_search_keys`.`id`);--> statement-breakpoint
CREATE VIRTUAL TABLE `document_search_keys_fts` USING fts5(`nombre`, `ruc`, content='document_search_keys', content_rowid='id',
  tokenize='trigram remove_diacritics 1');--> statement-breakpoint
INSERT INTO `document_search_keys_fts` (`document_search_keys_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `document_search_keys_fts_insert` AFTER INSERT ON `document_search_keys`
BEGIN INSERT INTO `document_search_keys_fts` (`rowid`, `nombre`, `ruc`) VALUES (NEW.`id`, NEW.`nombre`, NEW.`ruc`); END;--> statement-breakpoint
CREATE TRIGGER `document_search_keys_fts_delete` AFTER DELETE ON `document_search_keys`
BEGIN INSERT INTO `document_search_keys_fts` (`document_search_keys_fts`, `rowid`, `nombre`, `ruc`) VALUES ('delete', OLD.`id`, OLD.`nombre`, OLD.`ruc`); END;--> statement-breakpoint
-- Every row 0009's triggers add (capture, renumbering) gets its key (created on first use) and its document's
-- created_at here, whatever writer inserted it; the key counts its documents (the search's total without a count).
CREATE TRIGGER `document_search_keyed` AFTER INSERT ON `document_search`
BEGIN
  INSERT INTO `document_search_keys` (`nombre`, `ruc`) SELECT NEW.`nombre`, NEW.`ruc`
    WHERE NOT EXISTS (SELECT 1 FROM `document_search_keys` WHERE `nombre` IS NEW.`nombre` AND `ruc` IS NEW.`ruc`);
  UPDATE `document_search` SET
    `key_id` = (SELECT `id` FROM `document_search_keys` WHERE `nombre` IS NEW.`nombre` AND `ruc` IS NEW.`ruc` ORDER BY `id` LIMIT 1),
    `created_at` = (SELECT `created_at` FROM `documents` WHERE `id` = NEW.`document_id`)
    WHERE `seq` = NEW.`seq`;
  UPDATE `document_search_keys` SET `n` = `n` + 1 WHERE `id` = (SELECT `key_id` FROM `document_search` WHERE `seq` = NEW.`seq`);
END;--> statement-breakpoint
CREATE TRIGGER `document_search_unkeyed` AFTER DELETE ON `document_search`
BEGIN UPDATE `document_search_keys` SET `n` = `n` - 1 WHERE `id` = OLD.`key_id`; END;--> statement-breakpoint
CREATE TRIGGER `documents_search_created` AFTER UPDATE OF `created_at` ON `documents`
BEGIN UPDATE `document_search` SET `created_at` = NEW.`created_at` WHERE `document_id` = NEW.`id`; END;
-- ===== end of the hand-written block =====
