/** Prints the demo admin's current TOTP code, for trying the demo without an authenticator app. */
import { DEMO_ADMIN } from '../db/seed/generate';
import { stepAt, totpCode } from '../api/staff/totp';

const step = stepAt(new Date());
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(
  `${totpCode(DEMO_ADMIN.totpSecret, step)}  (for ${DEMO_ADMIN.email}, good for ${secondsLeft} s more and the 30 s after)`,
);
