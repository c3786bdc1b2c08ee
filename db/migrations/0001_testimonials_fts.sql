-- Full-text index of testimonials. FTS5 cannot be declared in drizzle, so it
-- lives in this hand-written migration. remove_diacritics 2 makes French
-- search accent-insensitive ("epuise" finds "épuisé").
CREATE VIRTUAL TABLE `testimonials_fts` USING fts5(
	`text`,
	content='testimonials',
	content_rowid='seq',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `testimonials_fts_insert` AFTER INSERT ON `testimonials` BEGIN
	INSERT INTO `testimonials_fts`(rowid, `text`) VALUES (new.`seq`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `testimonials_fts_delete` AFTER DELETE ON `testimonials` BEGIN
	INSERT INTO `testimonials_fts`(`testimonials_fts`, rowid, `text`) VALUES ('delete', old.`seq`, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `testimonials_fts_update` AFTER UPDATE OF `text` ON `testimonials` BEGIN
	INSERT INTO `testimonials_fts`(`testimonials_fts`, rowid, `text`) VALUES ('delete', old.`seq`, old.`text`);
	INSERT INTO `testimonials_fts`(rowid, `text`) VALUES (new.`seq`, new.`text`);
END;
