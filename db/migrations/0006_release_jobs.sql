CREATE TABLE `release_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_year` integer NOT NULL,
	`kind` text,
	`phase` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`outcome` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`edition_year`) REFERENCES `editions`(`year`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "release_jobs_progress" CHECK("release_jobs"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX `release_jobs_edition_idx` ON `release_jobs` (`edition_year`,`created_at`);