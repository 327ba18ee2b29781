CREATE TABLE `document_search` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`nombre` text,
	`ruc` text
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `document_search_document` ON `document_search` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_status_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
) STRICT;
--> statement-breakpoint
DROP INDEX `documents_status`;--> statement-breakpoint
CREATE INDEX `documents_status_created` ON `documents` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `documents_numero` ON `documents` (`numero`);--> statement-breakpoint
CREATE INDEX `documents_day` ON `documents` (substr(`fecha_emision`, 1, 10));--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
-- Issue 17 (hand-written below: drizzle has no virtual tables or triggers). Document totals per status, kept here so
-- every writer (capture, queue, annulment, restore, seeding) keeps them right.
INSERT INTO `document_status_counts` (`status`, `n`) SELECT `status`, count(*) FROM `documents` GROUP BY `status`;--> statement-breakpoint
CREATE TRIGGER `documents_count_insert` AFTER INSERT ON `documents`
BEGIN INSERT INTO `document_status_counts` (`status`, `n`) VALUES (NEW.`status`, 1) ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `documents_count_update` AFTER UPDATE OF `status` ON `documents` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
  UPDATE `document_status_counts` SET `n` = `n` - 1 WHERE `status` = OLD.`status`;
  INSERT INTO `document_status_counts` (`status`, `n`) VALUES (NEW.`status`, 1) ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `documents_count_delete` AFTER DELETE ON `documents`
BEGIN UPDATE `document_status_counts` SET `n` = `n` - 1 WHERE `status` = OLD.`status`; END;--> statement-breakpoint
-- The customer search: name and RUC/cédula of each document that has one, and a trigram index over them
-- (case- and accent-insensitive "contains", as the list's search has always been). The instr() tests spare the JSON
-- parse for the anonymous sales most documents are.
INSERT INTO `document_search` (`document_id`, `nombre`, `ruc`)
  SELECT `id`, `receptor_nombre`, CASE WHEN json_valid(documents.`body`) THEN coalesce(json_extract(documents.`body`, '$.cliente.numeroRUC'), json_extract(documents.`body`, '$.cliente.identificacion.numeroRUC'), json_extract(documents.`body`, '$.cliente.nroIdentificacionExtranjero')) END FROM `documents`
  WHERE `receptor_nombre` IS NOT NULL OR ((instr(documents.`body`, '"numeroRUC"') > 0 OR instr(documents.`body`, '"nroIdentificacionExtranjero"') > 0) AND CASE WHEN json_valid(documents.`body`) THEN coalesce(json_extract(documents.`body`, '$.cliente.numeroRUC'), json_extract(documents.`body`, '$.cliente.identificacion.numeroRUC'), json_extract(documents.`body`, '$.cliente.nroIdentificacionExtranjero')) END IS NOT NULL) ORDER BY `created_at`;--> statement-breakpoint
CREATE VIRTUAL TABLE `document_search_fts` USING fts5(`nombre`, `ruc`, content='document_search', content_rowid='seq',
  tokenize='trigram remove_diacritics 1');--> statement-breakpoint
INSERT INTO `document_search_fts` (`document_search_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `document_search_fts_insert` AFTER INSERT ON `document_search`
BEGIN INSERT INTO `document_search_fts` (`rowid`, `nombre`, `ruc`) VALUES (NEW.`seq`, NEW.`nombre`, NEW.`ruc`); END;--> statement-breakpoint
CREATE TRIGGER `document_search_fts_delete` AFTER DELETE ON `document_search`
BEGIN INSERT INTO `document_search_fts` (`document_search_fts`, `rowid`, `nombre`, `ruc`) VALUES ('delete', OLD.`seq`, OLD.`nombre`, OLD.`ruc`); END;--> statement-breakpoint
CREATE TRIGGER `documents_search_insert` AFTER INSERT ON `documents`
  WHEN NEW.`receptor_nombre` IS NOT NULL OR ((instr(NEW.`body`, '"numeroRUC"') > 0 OR instr(NEW.`body`, '"nroIdentificacionExtranjero"') > 0) AND CASE WHEN json_valid(NEW.`body`) THEN coalesce(json_extract(NEW.`body`, '$.cliente.numeroRUC'), json_extract(NEW.`body`, '$.cliente.identificacion.numeroRUC'), json_extract(NEW.`body`, '$.cliente.nroIdentificacionExtranjero')) END IS NOT NULL)
BEGIN INSERT INTO `document_search` (`document_id`, `nombre`, `ruc`) VALUES (NEW.`id`, NEW.`receptor_nombre`, CASE WHEN json_valid(NEW.`body`) THEN coalesce(json_extract(NEW.`body`, '$.cliente.numeroRUC'), json_extract(NEW.`body`, '$.cliente.identificacion.numeroRUC'), json_extract(NEW.`body`, '$.cliente.nroIdentificacionExtranjero')) END); END;--> statement-breakpoint
CREATE TRIGGER `documents_search_update` AFTER UPDATE OF `receptor_nombre`, `body` ON `documents`
BEGIN
  DELETE FROM `document_search` WHERE `document_id` = OLD.`id`;
  INSERT INTO `document_search` (`document_id`, `nombre`, `ruc`) SELECT NEW.`id`, NEW.`receptor_nombre`, CASE WHEN json_valid(NEW.`body`) THEN coalesce(json_extract(NEW.`body`, '$.cliente.numeroRUC'), json_extract(NEW.`body`, '$.cliente.identificacion.numeroRUC'), json_extract(NEW.`body`, '$.cliente.nroIdentificacionExtranjero')) END
    WHERE NEW.`receptor_nombre` IS NOT NULL OR ((instr(NEW.`body`, '"numeroRUC"') > 0 OR instr(NEW.`body`, '"nroIdentificacionExtranjero"') > 0) AND CASE WHEN json_valid(NEW.`body`) THEN coalesce(json_extract(NEW.`body`, '$.cliente.numeroRUC'), json_extract(NEW.`body`, '$.cliente.identificacion.numeroRUC'), json_extract(NEW.`body`, '$.cliente.nroIdentificacionExtranjero')) END IS NOT NULL);
END;--> statement-breakpoint
CREATE TRIGGER `documents_search_delete` AFTER DELETE ON `documents`
BEGIN DELETE FROM `document_search` WHERE `document_id` = OLD.`id`; END;
