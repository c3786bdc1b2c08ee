/**
 * Static assets are served by Workers before the Worker code runs, so the
 * security headers reach them through a `_headers` file written from the
 * same definition the Worker uses.
 */
import { writeFileSync } from 'node:fs';
import { staticHeadersFile } from '../api/lib/security-headers';

writeFileSync('.svelte-kit/cloudflare/_headers', staticHeadersFile());
