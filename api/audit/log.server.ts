/**
 * The audit log: one row per staff action, written in the same batch as the change it records,
 * so that a change without its entry cannot exist. Every domain writes here; this module depends
 * on none of them.
 */
import { desc, eq, lt } from 'drizzle-orm';
import { auditLog, staff } from '../../db/schema.server';
import type { Db } from '../lib/db.server';

/** Whoever acts: a signed-in staff member. */
export interface Actor {
  id: number;
}

/** The row to insert into `audit_log` beside the change it records. */
export function auditEntry(
  actor: Actor,
  action: string,
  target: string | null,
  detail?: unknown,
  now = new Date(),
) {
  return {
    staffId: actor.id,
    action,
    target,
    detailJson: detail === undefined ? null : JSON.stringify(detail),
    at: now.toISOString(),
  };
}

/** The newest entries first, with the acting member's email; `before` pages by id. */
export async function listAudit(db: Db, limit = 100, before?: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      target: auditLog.target,
      detail: auditLog.detailJson,
      staffEmail: staff.email,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
