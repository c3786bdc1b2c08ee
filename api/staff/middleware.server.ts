import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { StaffRole } from '../../db/enums';
import { ApiError } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { verifyAccess } from './access.server';
import { SESSION_COOKIE, mayAct, sessionMember, type StaffMember } from './service.server';

export type StaffEnv = AppEnv & {
  Variables: AppEnv['Variables'] & { staff: StaffMember; sessionToken: string };
};

/** 401 without a live session (and Access token, when configured); 403 without the role. */
export const requireStaff = (role: StaffRole) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    await verifyAccess(c.env, c.req.raw.headers);
    const token = getCookie(c, SESSION_COOKIE);
    const member = token
      ? await sessionMember(c.var.db, token, Number(c.env.STAFF_IDLE_MINUTES))
      : null;
    if (!token || !member) throw new ApiError(401, 'unauthenticated', 'Sign in as staff first.');
    if (!mayAct(member, role)) throw new ApiError(403, 'forbidden', `This needs the ${role} role.`);
    c.set('staff', member);
    c.set('sessionToken', token);
    await next();
  });
