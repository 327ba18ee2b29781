CREATE TABLE `product_month_rollups` (
	`month` text NOT NULL,
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
	PRIMARY KEY(`month`, `status`, `tipo_documento`, `key`)
) STRICT;
--> statement-breakpoint
-- Issue 17, decision 0031 (hand-written below: drizzle has no triggers). The month's product lines follow the day's
-- (product_rollups, migration 0011) through triggers on that table: every change there adds its difference to the
-- month, so both stay equal whatever writer changed the days (capture, status changes, deletes, a backfill).
-- The common case (an upsert that adds an item to an existing day row) is one upsert of the difference here.
CREATE TRIGGER `product_rollups_month_insert` AFTER INSERT ON `product_rollups`
BEGIN
  INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(NEW.`day`, 1, 7), NEW.`status`, NEW.`tipo_documento`, NEW.`key`, NEW.`codigo`, NEW.`descripcion`, NEW.`n`, NEW.`cantidad`, NEW.`base`, NEW.`itbms`, NEW.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
CREATE TRIGGER `product_rollups_month_update` AFTER UPDATE ON `product_rollups` WHEN substr(OLD.`day`, 1, 7) = substr(NEW.`day`, 1, 7) AND OLD.`status` = NEW.`status` AND OLD.`tipo_documento` = NEW.`tipo_documento` AND OLD.`key` = NEW.`key`
BEGIN
  INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(NEW.`day`, 1, 7), NEW.`status`, NEW.`tipo_documento`, NEW.`key`, NEW.`codigo`, NEW.`descripcion`, NEW.`n` - OLD.`n`, NEW.`cantidad` - OLD.`cantidad`, NEW.`base` - OLD.`base`, NEW.`itbms` - OLD.`itbms`, NEW.`total` - OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
CREATE TRIGGER `product_rollups_month_move` AFTER UPDATE ON `product_rollups` WHEN NOT (substr(OLD.`day`, 1, 7) = substr(NEW.`day`, 1, 7) AND OLD.`status` = NEW.`status` AND OLD.`tipo_documento` = NEW.`tipo_documento` AND OLD.`key` = NEW.`key`)
BEGIN
  INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(OLD.`day`, 1, 7), OLD.`status`, OLD.`tipo_documento`, OLD.`key`, OLD.`codigo`, OLD.`descripcion`, -OLD.`n`, -OLD.`cantidad`, -OLD.`base`, -OLD.`itbms`, -OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
  INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(NEW.`day`, 1, 7), NEW.`status`, NEW.`tipo_documento`, NEW.`key`, NEW.`codigo`, NEW.`descripcion`, NEW.`n`, NEW.`cantidad`, NEW.`base`, NEW.`itbms`, NEW.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
CREATE TRIGGER `product_rollups_month_delete` AFTER DELETE ON `product_rollups`
BEGIN
  INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  VALUES (substr(OLD.`day`, 1, 7), OLD.`status`, OLD.`tipo_documento`, OLD.`key`, OLD.`codigo`, OLD.`descripcion`, -OLD.`n`, -OLD.`cantidad`, -OLD.`base`, -OLD.`itbms`, -OLD.`total`)
  ON CONFLICT DO UPDATE SET `n` = `n` + excluded.`n`, `cantidad` = `cantidad` + excluded.`cantidad`, `base` = `base` + excluded.`base`, `itbms` = `itbms` + excluded.`itbms`, `total` = `total` + excluded.`total`;
END;--> statement-breakpoint
-- Existing registers: the months of the days already kept (each month's description: its earliest day's).
INSERT INTO `product_month_rollups` (`month`, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, `n`, `cantidad`, `base`, `itbms`, `total`)
  SELECT m, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, n, cantidad, base, itbms, total FROM (
    SELECT substr(`day`, 1, 7) AS m, `status`, `tipo_documento`, `key`, `codigo`, `descripcion`, min(`day`), sum(`n`) AS n, sum(`cantidad`) AS cantidad,
      sum(`base`) AS base, sum(`itbms`) AS itbms, sum(`total`) AS total
    FROM `product_rollups` GROUP BY m, `status`, `tipo_documento`, `key`);
