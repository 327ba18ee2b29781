CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`document_id` text,
	`details` text DEFAULT '{}' NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `audit_log_document` ON `audit_log` (`document_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`tipo_cliente_fe` text NOT NULL,
	`identificacion` text,
	`nombre` text NOT NULL,
	`receptor` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `customers_identificacion` ON `customers` (`identificacion`);--> statement-breakpoint
CREATE TABLE `document_items` (
	`document_id` text NOT NULL,
	`line` integer NOT NULL,
	`codigo` text,
	`descripcion` text NOT NULL,
	`cantidad` text NOT NULL,
	`precio_unitario` text NOT NULL,
	`descuento_unitario` text,
	`tasa_itbms` text NOT NULL,
	`precio_item` text NOT NULL,
	`valor_itbms` text NOT NULL,
	`valor_total` text NOT NULL,
	PRIMARY KEY(`document_id`, `line`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE TABLE `document_payments` (
	`document_id` text NOT NULL,
	`line` integer NOT NULL,
	`forma_pago` text NOT NULL,
	`descripcion` text,
	`monto` text NOT NULL,
	PRIMARY KEY(`document_id`, `line`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`codigo_sucursal` text NOT NULL,
	`punto_facturacion` text NOT NULL,
	`tipo_documento` text NOT NULL,
	`numero` integer NOT NULL,
	`tipo_emision` text NOT NULL,
	`fecha_emision` text NOT NULL,
	`status` text NOT NULL,
	`body` text NOT NULL,
	`totals` text NOT NULL,
	`total_factura` text NOT NULL,
	`receptor_nombre` text,
	`cufe` text,
	`qr` text,
	`nro_protocolo` text,
	`fecha_recepcion_dgi` text,
	`hka_codigo` text,
	`hka_mensajes` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_series_number` ON `documents` (`codigo_sucursal`,`punto_facturacion`,`tipo_documento`,`numero`);--> statement-breakpoint
CREATE INDEX `documents_status` ON `documents` (`status`);--> statement-breakpoint
CREATE INDEX `documents_created_at` ON `documents` (`created_at`);--> statement-breakpoint
CREATE TABLE `fiscal_series` (
	`codigo_sucursal` text NOT NULL,
	`punto_facturacion` text NOT NULL,
	`tipo_documento` text NOT NULL,
	`last_number` integer NOT NULL,
	PRIMARY KEY(`codigo_sucursal`, `punto_facturacion`, `tipo_documento`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `hka_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operation` text NOT NULL,
	`document_id` text,
	`started_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`codigo` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `hka_calls_started` ON `hka_calls` (`started_at`);--> statement-breakpoint
CREATE TABLE `outbox_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_owner` text,
	`lease_expires_at` integer,
	`maybe_sent` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_jobs_document` ON `outbox_jobs` (`document_id`);--> statement-breakpoint
CREATE INDEX `outbox_jobs_due` ON `outbox_jobs` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`codigo` text NOT NULL,
	`barcode` text,
	`descripcion` text NOT NULL,
	`unidad` text DEFAULT 'und' NOT NULL,
	`precio` text NOT NULL,
	`tasa_itbms` text NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `products_codigo` ON `products` (`codigo`);--> statement-breakpoint
CREATE INDEX `products_barcode` ON `products` (`barcode`);--> statement-breakpoint
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`sealed` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_event` ON `sync_outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `sync_outbox_pending` ON `sync_outbox` (`sent_at`);