// Secrets are set with `wrangler secret put`, so `wrangler types` cannot see
// them; every one is optional and the feature it enables stays off without it.
// Declared on both Env interfaces that wrangler generates, which merge with these.
interface Env {
  /** Keys the daily HMAC of client addresses for rate limiting. */
  RATE_LIMIT_SECRET?: string;
  /** Turns Turnstile on for submissions. */
  TURNSTILE_SECRET?: string;
  /** The public Turnstile site key the forms render, set with TURNSTILE_SECRET. */
  TURNSTILE_SITE_KEY?: string;
}
declare namespace Cloudflare {
  interface Env {
    RATE_LIMIT_SECRET?: string;
    TURNSTILE_SECRET?: string;
    TURNSTILE_SITE_KEY?: string;
  }
}
