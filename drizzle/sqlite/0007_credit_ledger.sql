CREATE TABLE `credit_ledger` (
	`note_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`line` integer NOT NULL,
	`cantidad` text NOT NULL,
	`amount` text NOT NULL,
	PRIMARY KEY(`note_id`, `line`),
	FOREIGN KEY (`note_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `credit_ledger_invoice` ON `credit_ledger` (`invoice_id`);--> statement-breakpoint
-- Credit notes issued before the ledger existed: each note line is matched to the first invoice line with the same
-- code, description and unit price (the note was drafted from those items), so old notes keep counting.
INSERT OR IGNORE INTO `credit_ledger` (`note_id`, `invoice_id`, `line`, `cantidad`, `amount`)
SELECT `matched`.`note_id`, `matched`.`invoice_id`, `matched`.`line`, `matched`.`cantidad`, `matched`.`amount` FROM (
  SELECT `n`.`id` AS `note_id`, `i`.`id` AS `invoice_id`, `ni`.`cantidad` AS `cantidad`, `ni`.`valor_total` AS `amount`,
    (SELECT MIN(`ii`.`line`) FROM `document_items` `ii` WHERE `ii`.`document_id` = `i`.`id`
      AND `ii`.`descripcion` = `ni`.`descripcion` AND `ii`.`precio_unitario` = `ni`.`precio_unitario`
      AND coalesce(`ii`.`codigo`, '') = coalesce(`ni`.`codigo`, '')) AS `line`
  FROM `documents` `n`
  JOIN `documents` `i` ON `i`.`tipo_documento` = '01' AND `i`.`cufe` = json_extract(`n`.`body`, '$.referencias[0].cufe')
  JOIN `document_items` `ni` ON `ni`.`document_id` = `n`.`id`
  WHERE `n`.`tipo_documento` = '04'
) AS `matched` WHERE `matched`.`line` IS NOT NULL;
