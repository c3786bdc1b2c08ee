/**
 * The release job's Cron Triggers, as wrangler.toml declares them: requested releases and missing
 * packages every minute, and the daily provisional release of open editions at 05:00 UTC.
 */
export const REQUESTS_CRON = '* * * * *';
export const DAILY_CRON = '0 5 * * *';
