ALTER TABLE `products` ADD `codigo_cpbs` text;--> statement-breakpoint
ALTER TABLE `products` ADD `unidad_medida_cpbs` text;