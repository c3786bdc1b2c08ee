import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { StaffRole } from '../../db/enums';
import { ApiError } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { verifyAccess } from './access.server';
import {
  SESSION_COOKIE,
  liveSession,
  mayAct,
  recentlyVerified,
  type StaffMember,
  type StaffSession,
} from './service.server';

export type StaffEnv = AppEnv & {
  Variables: AppEnv['Variables'] & {
    staff: StaffMember;
    session: StaffSession;
    sessionToken: string;
  };
};

/**
 * 401 without a live session (and Access token, when configured), or while its second factor is
 * unproven, unless `pending` admits that; 403 without the role.
 */
export const requireStaff = (role: StaffRole, { pending = false } = {}) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    await verifyAccess(c.env, c.req.raw.headers);
    const token = getCookie(c, SESSION_COOKIE);
    const session = token
      ? await liveSession(c.var.db, token, Number(c.env.STAFF_IDLE_MINUTES))
      : null;
    if (!token || !session) throw new ApiError(401, 'unauthenticated', 'Sign in as staff first.');
    if (!session.verifiedAt && !pending)
      throw new ApiError(401, 'second_factor_required', 'Prove your second factor first.');
    if (!mayAct(session.member, role))
      throw new ApiError(403, 'forbidden', `This needs the ${role} role.`);
    c.set('staff', session.member);
    c.set('session', session);
    c.set('sessionToken', token);
    await next();
  });

/** Sensitive actions: a second factor proven within the last few minutes, or a 401 that says so. */
export const requireRecentFactor = createMiddleware<StaffEnv>(async (c, next) => {
  if (!recentlyVerified(c.var.session))
    throw new ApiError(401, 'reauthentication_required', 'Prove your second factor again first.');
  await next();
});
