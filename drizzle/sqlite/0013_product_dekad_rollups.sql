CREATE TABLE `product_dekad_rollups` (
	`dekad` text NOT NULL,
	`status` text NOT NULL,
	`tipo_documento` text NOT NULL,
	`key` text NOT NULL,
	`codigo` text,
	`descripcion` text NOT NULL,
	`n` integer NOT NULL,
	`cantidad` integer NOT NULL,
	`base` integer NOT NULL,
	`itbms` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`dekad`, `status`, `tipo_documento`, `key`)
) STRICT;
--> statement-breakpoint
-- Issue 17, decision 0033 (hand-written below: drizzle has no triggers). 1) Dekads follow the days as the months do
-- (0012): every change of a product_rollups row adds its difference to its dekad, whatever writer changed the day.
CREATE TRIGGER `product_rollups_dekad_insert` AFTER INSERT ON `product_rollups`
BEGIN
  INSERT INTO `product_dekad_rollups` (`dekad`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(NEW.`day`, 1, 8) || CASE WHEN substr(NEW.`day`, 9, 2) <= '10' THEN '01' WHEN substr(NEW.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END, NEW.`status`, NEW.`tipo_documento`, NEW.`key`, NEW.`codigo`, NEW.`descripcion`, NEW.`n`, NEW.`cantidad`, NEW.`base`, NEW.`itbms`, NEW.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
CREATE TRIGGER `product_rollups_dekad_update` AFTER UPDATE ON `product_rollups` WHEN (substr(OLD.`day`, 1, 8) || CASE WHEN substr(OLD.`day`, 9, 2) <= '10' THEN '01' WHEN substr(OLD.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END) = (substr(NEW.`day`, 1, 8) || CASE WHEN substr(NEW.`day`, 9, 2) <= '10' THEN '01' WHEN substr(NEW.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END) AND OLD.`status` = NEW.`status` AND OLD.`tipo_documento` = NEW.`tipo_documento` AND OLD.`key` = NEW.`key`
BEGIN
  INSERT INTO `product_dekad_rollups` (`dekad`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(NEW.`day`, 1, 8) || CASE WHEN substr(NEW.`day`, 9, 2) <= '10' THEN '01' WHEN substr(NEW.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END, NEW.`status`, NEW.`tipo_documento`, NEW.`key`, NEW.`codigo`, NEW.`descripcion`, NEW.`n` - OLD.`n`, NEW.`cantidad` - OLD.`cantidad`, NEW.`base` - OLD.`base`, NEW.`itbms` - OLD.`itbms`, NEW.`total` - OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
CREATE TRIGGER `product_rollups_dekad_move` AFTER UPDATE ON `product_rollups` WHEN NOT ((substr(OLD.`day`, 1, 8) || CASE WHEN substr(OLD.`day`, 9, 2) <= '10' THEN '01' WHEN substr(OLD.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END) = (substr(NEW.`day`, 1, 8) || CASE WHEN substr(NEW.`day`, 9, 2) <= '10' THEN '01' WHEN substr(NEW.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END) AND OLD.`status` = NEW.`status` AND OLD.`tipo_documento` = NEW.`tipo_documento` AND OLD.`key` = NEW.`key`)
BEGIN
  INSERT INTO `product_dekad_rollups` (`dekad`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(OLD.`day`, 1, 8) || CASE WHEN substr(OLD.`day`, 9, 2) <= '10' THEN '01' WHEN substr(OLD.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END, OLD.`status`, OLD.`tipo_documento`, OLD.`key`, OLD.`codigo`, OLD.`descripcion`, -OLD.`n`, -OLD.`cantidad`, -OLD.`base`, -OLD.`itbms`, -OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
  INSERT INTO `product_dekad_rollups` (`dekad`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(NEW.`day`, 1, 8) || CASE WHEN substr(NEW.`day`, 9, 2) <= '10' THEN '01' WHEN substr(NEW.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END, NEW.`status`, NEW.`tipo_documento`, NEW.`key`, NEW.`codigo`, NEW.`descripcion`, NEW.`n`, NEW.`cantidad`, NEW.`base`, NEW.`itbms`, NEW.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
-- A row of zeros takes nothing out: skipped, so deleting one (the pruning below) never leaves a zero dekad behind.
CREATE TRIGGER `product_rollups_dekad_delete` AFTER DELETE ON `product_rollups` WHEN NOT (OLD.`n` = 0 AND OLD.`cantidad` = 0 AND OLD.`base` = 0 AND OLD.`itbms` = 0 AND OLD.`total` = 0)
BEGIN
  INSERT INTO `product_dekad_rollups` (`dekad`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(OLD.`day`, 1, 8) || CASE WHEN substr(OLD.`day`, 9, 2) <= '10' THEN '01' WHEN substr(OLD.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END, OLD.`status`, OLD.`tipo_documento`, OLD.`key`, OLD.`codigo`, OLD.`descripcion`, -OLD.`n`, -OLD.`cantidad`, -OLD.`base`, -OLD.`itbms`, -OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
-- 2) Rows whose documents all left (a status change moves a document's lines to its new status; about half of a day's
-- rows were such zeros, read by every report) are deleted as soon as they reach zero, in every table. Only rows that
-- are zero in every figure: a row with n = 0 but an amount left (never written by the triggers) is kept, not lost.
-- The month delete trigger of 0012 is re-created to skip rows of zeros, for the same reason as the dekads'.
DROP TRIGGER `product_rollups_month_delete`;--> statement-breakpoint
CREATE TRIGGER `product_rollups_month_delete` AFTER DELETE ON `product_rollups` WHEN NOT (OLD.`n` = 0 AND OLD.`cantidad` = 0 AND OLD.`base` = 0 AND OLD.`itbms` = 0 AND OLD.`total` = 0)
BEGIN
  INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(OLD.`day`, 1, 7), OLD.`status`, OLD.`tipo_documento`, OLD.`key`, OLD.`codigo`, OLD.`descripcion`, -OLD.`n`, -OLD.`cantidad`, -OLD.`base`, -OLD.`itbms`, -OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
CREATE TRIGGER `product_rollups_prune` AFTER UPDATE ON `product_rollups` WHEN NEW.`n` = 0 AND NEW.`cantidad` = 0 AND NEW.`base` = 0 AND NEW.`itbms` = 0 AND NEW.`total` = 0
BEGIN
  DELETE FROM `product_rollups` WHERE `day` = NEW.`day` AND `status` = NEW.`status` AND `tipo_documento` = NEW.`tipo_documento` AND `key` = NEW.`key`;
END;--> statement-breakpoint
CREATE TRIGGER `product_month_rollups_prune` AFTER UPDATE ON `product_month_rollups` WHEN NEW.`n` = 0 AND NEW.`cantidad` = 0 AND NEW.`base` = 0 AND NEW.`itbms` = 0 AND NEW.`total` = 0
BEGIN
  DELETE FROM `product_month_rollups` WHERE `month` = NEW.`month` AND `status` = NEW.`status` AND `tipo_documento` = NEW.`tipo_documento` AND `key` = NEW.`key`;
END;--> statement-breakpoint
CREATE TRIGGER `product_dekad_rollups_prune` AFTER UPDATE ON `product_dekad_rollups` WHEN NEW.`n` = 0 AND NEW.`cantidad` = 0 AND NEW.`base` = 0 AND NEW.`itbms` = 0 AND NEW.`total` = 0
BEGIN
  DELETE FROM `product_dekad_rollups` WHERE `dekad` = NEW.`dekad` AND `status` = NEW.`status` AND `tipo_documento` = NEW.`tipo_documento` AND `key` = NEW.`key`;
END;--> statement-breakpoint
-- Existing registers: the zeros already kept go, then every dekad of the days (its description: its earliest day's).
DELETE FROM `product_rollups` WHERE `n` = 0 AND `cantidad` = 0 AND `base` = 0 AND `itbms` = 0 AND `total` = 0;--> statement-breakpoint
DELETE FROM `product_month_rollups` WHERE `n` = 0 AND `cantidad` = 0 AND `base` = 0 AND `itbms` = 0 AND `total` = 0;--> statement-breakpoint
INSERT INTO `product_dekad_rollups` (`dekad`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  SELECT d, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, n, cantidad, base, itbms, total FROM (
    SELECT substr(r.`day`, 1, 8) || CASE WHEN substr(r.`day`, 9, 2) <= '10' THEN '01' WHEN substr(r.`day`, 9, 2) <= '20' THEN '11' ELSE '21' END AS d, r.`status`, r.`tipo_documento`, r.`key`, r.`codigo`, r.`descripcion`, min(r.`day`), sum(r.`n`) AS n, sum(r.`cantidad`) AS cantidad,
      sum(r.`base`) AS base, sum(r.`itbms`) AS itbms, sum(r.`total`) AS total
    FROM `product_rollups` r GROUP BY d, r.`status`, r.`tipo_documento`, r.`key`);
