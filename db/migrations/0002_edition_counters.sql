-- Each edition's response count and data version follow its responses, so a
-- read never counts rows and the aggregate cache knows when it is stale.
CREATE TRIGGER `responses_count_insert` AFTER INSERT ON `responses` BEGIN
	UPDATE `editions` SET
		`response_count` = `response_count` + (CASE WHEN new.`withdrawn` THEN 0 ELSE 1 END),
		`data_version` = `data_version` + 1
	WHERE `year` = new.`edition_year`;
END;
--> statement-breakpoint
CREATE TRIGGER `responses_count_delete` AFTER DELETE ON `responses` BEGIN
	UPDATE `editions` SET
		`response_count` = `response_count` - (CASE WHEN old.`withdrawn` THEN 0 ELSE 1 END),
		`data_version` = `data_version` + 1
	WHERE `year` = old.`edition_year`;
END;
--> statement-breakpoint
CREATE TRIGGER `responses_count_withdraw` AFTER UPDATE OF `withdrawn` ON `responses`
WHEN old.`withdrawn` <> new.`withdrawn` BEGIN
	UPDATE `editions` SET
		`response_count` = `response_count` + (CASE WHEN new.`withdrawn` THEN -1 ELSE 1 END),
		`data_version` = `data_version` + 1
	WHERE `year` = new.`edition_year`;
END;
