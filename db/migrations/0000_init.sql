CREATE TABLE `aggregates` (
	`edition_year` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text DEFAULT '' NOT NULL,
	`data_version` integer NOT NULL,
	`payload_json` text NOT NULL,
	`computed_at` text NOT NULL,
	PRIMARY KEY(`edition_year`, `kind`, `key`),
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `answers` (
	`response_id` integer NOT NULL,
	`edition_year` integer NOT NULL,
	`question_code` text NOT NULL,
	`option_code` text DEFAULT '' NOT NULL,
	`num_value` real,
	`text_value` text,
	PRIMARY KEY(`response_id`, `question_code`, `option_code`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `answers_question_idx` ON `answers` (`edition_year`,`question_code`,`option_code`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer,
	`action` text NOT NULL,
	`target` text,
	`detail_json` text,
	`at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_staff_idx` ON `audit_log` (`staff_id`);--> statement-breakpoint
CREATE TABLE `editions` (
	`year` integer PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`questionnaire_version` text NOT NULL,
	`questionnaire_hash` text,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`published_on` text,
	`k` integer DEFAULT 10 NOT NULL,
	`response_count` integer DEFAULT 0 NOT NULL,
	`data_version` integer DEFAULT 0 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	CONSTRAINT "editions_k_min" CHECK("editions"."k" >= 5),
	CONSTRAINT "editions_dates" CHECK("editions"."opens_on" <= "editions"."closes_on")
);
--> statement-breakpoint
CREATE INDEX `editions_status_idx` ON `editions` (`status`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`edition_year` integer NOT NULL,
	`submitted_week` text NOT NULL,
	`withdrawal_hash` text NOT NULL,
	`idempotency_hash` text,
	`withdrawn` integer DEFAULT false NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_withdrawal_idx` ON `responses` (`withdrawal_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `responses_idempotency_idx` ON `responses` (`idempotency_hash`);--> statement-breakpoint
CREATE INDEX `responses_edition_idx` ON `responses` (`edition_year`,`withdrawn`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_staff_idx` ON `sessions` (`staff_id`);--> statement-breakpoint
CREATE INDEX `sessions_expiry_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_idx` ON `staff` (`email`);--> statement-breakpoint
CREATE TABLE `survey_drafts` (
	`resume_hash` text PRIMARY KEY NOT NULL,
	`edition_year` integer NOT NULL,
	`answers_json` text DEFAULT '{}' NOT NULL,
	`section` text,
	`expires_on` text NOT NULL,
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_drafts_expiry_idx` ON `survey_drafts` (`expires_on`);--> statement-breakpoint
CREATE TABLE `testimonial_themes` (
	`testimonial_id` text NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`testimonial_id`, `theme`),
	FOREIGN KEY (`testimonial_id`) REFERENCES `testimonials`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `testimonial_themes_theme_idx` ON `testimonial_themes` (`theme`);--> statement-breakpoint
CREATE TABLE `testimonials` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`text` text NOT NULL,
	`lang` text NOT NULL,
	`employer_type` text,
	`experience` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`reject_reason` text,
	`submitted_week` text NOT NULL,
	`published_on` text,
	`published_by` integer,
	`withdrawal_hash` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `testimonials_id_idx` ON `testimonials` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `testimonials_withdrawal_idx` ON `testimonials` (`withdrawal_hash`);--> statement-breakpoint
CREATE INDEX `testimonials_status_idx` ON `testimonials` (`status`,`published_on`);--> statement-breakpoint
CREATE INDEX `testimonials_context_idx` ON `testimonials` (`status`,`employer_type`,`experience`);