CREATE TABLE `calls` (
	`slug` text PRIMARY KEY NOT NULL,
	`title_fr` text NOT NULL,
	`title_en` text NOT NULL,
	`prompt_fr` text NOT NULL,
	`prompt_en` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`themes_json` text DEFAULT '[]' NOT NULL,
	`edition_year` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_quotes` (
	`edition_year` integer NOT NULL,
	`testimonial_id` text NOT NULL,
	`theme` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`edition_year`, `testimonial_id`),
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`testimonial_id`) REFERENCES `testimonials`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `testimonials` ADD `call_slug` text REFERENCES calls(slug);--> statement-breakpoint
CREATE INDEX `testimonials_call_idx` ON `testimonials` (`call_slug`,`status`);