CREATE TABLE `release_outputs` (
	`release_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text DEFAULT '' NOT NULL,
	`payload_json` text NOT NULL,
	PRIMARY KEY(`release_id`, `kind`, `key`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_year` integer NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`released_on` text NOT NULL,
	`respondents` integer NOT NULL,
	`public_n` integer,
	`changes_json` text NOT NULL,
	`audit_json` text NOT NULL,
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `releases_edition_idx` ON `releases` (`edition_year`,`status`,`id`);--> statement-breakpoint
ALTER TABLE `editions` ADD `release_threshold` integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE `editions` ADD `release_requested` text;