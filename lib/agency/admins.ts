import "server-only";

import { ADMIN_ROLE } from "@/lib/authz/permissions";
import type { DbTx } from "@/lib/db/client";
import { t } from "@/lib/i18n";

import { invalidError } from "@/lib/authz/errors";

export interface AdminGuard {
  /** Refuses (lastAdmin) unless an active administrator other than `userId` remains. */
  keepsAnotherAdmin(userId: string): Promise<void>;
}

/**
 * Serialises the changes to an agency's memberships that can remove or demote
 * an administrator (deactivating, setting roles, and any later "remove"): the
 * first statement of such a transaction. Counting the other administrators and
 * then writing is only safe while no one else can do the same at the same
 * moment: without the lock, two administrators deactivating each other both
 * count one other administrator and the agency is left with none.
 *
 * The lock is the agency row, taken FOR NO KEY UPDATE: it queues the next
 * membership change of this agency until this transaction ends (under READ
 * COMMITTED the queued one then counts what this one committed), but it does
 * not block the foreign-key checks (FOR KEY SHARE) of everything else written
 * for the agency meanwhile: tasks, audit events, realizations.
 *
 * The check is only handed out with the lock, so it cannot be run without it.
 */
export async function lockAgencyAdmins(tx: DbTx, agencyId: string): Promise<AdminGuard> {
  await tx.$queryRaw`SELECT 1 FROM "Agency" WHERE "id" = ${agencyId} FOR NO KEY UPDATE`;
  return {
    async keepsAnotherAdmin(userId) {
      const now = new Date();
      const others = await tx.membership.count({
        where: {
          agencyId,
          active: true,
          role: { code: ADMIN_ROLE },
          userId: { not: userId },
          user: { active: true },
          OR: [{ validUntil: null }, { validUntil: { gt: now } }],
        },
      });
      if (others === 0) throw invalidError(t.members.lastAdmin);
    },
  };
}
