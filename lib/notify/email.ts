/**
 * E-mail for notifications (docs/decisions/008-notifications.md). The
 * Notification table is the queue: a sender claims rows with one atomic
 * UPDATE … FOR UPDATE SKIP LOCKED, so any number of workers or instances
 * never mail the same notification twice, and a crashed sender's claim
 * expires. No "server-only" import: the worker (lib/cli/worker.ts)
 * runs outside Next.
 */
import nodemailer from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";

import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { escapeHtml } from "@/lib/static-markup";

import { readEmailConfig, type EmailConfig } from "./config";
import { EMAIL_MESSAGES as M } from "./messages";

/** A claim older than this belongs to a sender that crashed or failed: the row is tried again. */
export const CLAIM_TTL_MS = 10 * 60_000;
/** A notification never tried within a day of its creation is not mailed (no flood when SMTP is switched on). */
export const FIRST_ATTEMPT_WINDOW_MS = 24 * 3_600_000;
/** Failed sends are retried (one try per claim period) until the notification is this old. */
export const RETRY_WINDOW_MS = 3 * 24 * 3_600_000;

const ERROR_MAX_LENGTH = 500;

/** Transport errors that concern the server, not one message: the rest of the batch would fail the same way. */
const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "EPROTOCOL"]);

export interface ClaimedEmail {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  cycleId: string | null;
  email: string;
  userName: string;
  agencyName: string;
  agencySlug: string;
}

/**
 * Claims up to `limit` notifications due for e-mail, in one statement:
 *  - not yet mailed, for an active user with an e-mail address;
 *  - about a task that is still open (or about no task): a task done in the
 *    meantime is not worth an e-mail any more;
 *  - created by `now`, and either never claimed and younger than
 *    FIRST_ATTEMPT_WINDOW_MS, or claimed more than CLAIM_TTL_MS ago (a failure
 *    or a crash) and younger than RETRY_WINDOW_MS.
 * The CTE is MATERIALIZED so the locking subquery runs exactly once; rows
 * another sender holds are skipped, and a row another sender claimed and
 * committed in the meantime fails the re-check of the WHERE clause.
 */
export async function claimPendingEmails(limit: number, now: Date): Promise<ClaimedEmail[]> {
  const firstSince = new Date(now.getTime() - FIRST_ATTEMPT_WINDOW_MS);
  const retrySince = new Date(now.getTime() - RETRY_WINDOW_MS);
  const claimExpired = new Date(now.getTime() - CLAIM_TTL_MS);
  return db.$queryRaw<ClaimedEmail[]>`
    WITH picked AS MATERIALIZED (
      SELECT c.id
      FROM "Notification" AS c
      JOIN "User" AS cu ON cu.id = c."userId"
      LEFT JOIN "CycleTask" AS ct ON ct.id = c."taskId"
      WHERE c."emailedAt" IS NULL
        AND cu.active AND cu.email IS NOT NULL AND cu.email <> ''
        AND (ct.id IS NULL OR ct.status IN ('ACTIVE', 'RETURNED'))
        AND c."createdAt" <= ${now}::timestamptz
        AND (
          (c."emailClaimedAt" IS NULL AND c."createdAt" > ${firstSince}::timestamptz)
          OR (c."emailClaimedAt" < ${claimExpired}::timestamptz AND c."createdAt" > ${retrySince}::timestamptz)
        )
      ORDER BY c."createdAt", c.id
      LIMIT ${limit}::int
      FOR UPDATE OF c SKIP LOCKED
    )
    UPDATE "Notification" AS n
    SET "emailClaimedAt" = ${now}::timestamptz
    FROM picked, "User" AS u, "Agency" AS a
    WHERE n.id = picked.id AND u.id = n."userId" AND a.id = n."agencyId"
    RETURNING n.id, n.kind::text AS kind, n.title, n.body, n."cycleId" AS "cycleId", u.email, u.name AS "userName",
              a.name AS "agencyName", a.slug AS "agencySlug"`;
}

/** Where the e-mail's link goes: the cycle page, or the agency's inbox for a notification without a cycle. */
export function notificationLink(appUrl: string, agencySlug: string, cycleId: string | null): string {
  const agency = `${appUrl}/a/${encodeURIComponent(agencySlug)}`;
  return cycleId ? `${agency}/cycles/${encodeURIComponent(cycleId)}` : `${agency}/notifikasi`;
}

export function composeEmail(n: ClaimedEmail, config: Pick<EmailConfig, "appUrl">) {
  const link = notificationLink(config.appUrl, n.agencySlug, n.cycleId);
  const body = n.body.trim();
  const text = [
    M.greeting(n.userName),
    "",
    M.intro[n.kind](n.agencyName),
    "",
    n.title,
    ...(body ? ["", `${M.bodyLabel[n.kind]}:`, body] : []),
    "",
    `${M.agency}: ${n.agencyName}`,
    `${M.open}: ${link}`,
    "",
    "--",
    M.footer,
    "",
  ].join("\n");
  const paragraph = (s: string) => escapeHtml(s).replace(/\r?\n/g, "<br>");
  const html = [
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(n.title)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2937">`,
    `<p>${paragraph(M.greeting(n.userName))}</p>`,
    `<p>${paragraph(M.intro[n.kind](n.agencyName))}</p>`,
    `<p><strong>${paragraph(n.title)}</strong></p>`,
    body ? `<p>${escapeHtml(M.bodyLabel[n.kind])}:<br>${paragraph(body)}</p>` : "",
    `<p>${escapeHtml(M.agency)}: ${escapeHtml(n.agencyName)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(M.open)}</a><br><span style="color:#6b7280">${escapeHtml(link)}</span></p>`,
    `<p style="color:#6b7280;font-size:12px">${escapeHtml(M.footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject: n.title, text, html, link };
}

function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.code === "string" && !message.includes(e.code) ? `${e.code}: ` : "";
  return `${code}${message}`.replace(/\s+/g, " ").trim().slice(0, ERROR_MAX_LENGTH) || "kesalahan tidak dikenal";
}

function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; responseCode?: unknown };
  return (typeof e?.code === "string" && CONNECTION_ERRORS.has(e.code)) || e?.responseCode === 421;
}

function messageIdDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "alurkinerja.local";
}

/**
 * Mails what is due, once: claims up to `limit` notifications, sends each,
 * records `emailedAt` on success or `emailError` on failure. A failed row
 * keeps its claim, so it is retried when the claim expires (CLAIM_TTL_MS)
 * rather than on every run, until it is RETRY_WINDOW_MS old. When the server
 * itself is unreachable, the batch stops and the rest of the claimed rows get
 * the same error without more connection attempts. With SMTP_URL unset it
 * does nothing at all.
 */
export async function deliverPendingEmails({ limit = 50, now = new Date() }: { limit?: number; now?: Date } = {}): Promise<{
  sent: number;
  failed: number;
}> {
  const config = readEmailConfig();
  if (!config) return { sent: 0, failed: 0 };
  const claimed = await claimPendingEmails(limit, now);
  if (claimed.length === 0) return { sent: 0, failed: 0 };

  // One pooled connection for the batch; URL parameters (e.g. ?tls.rejectUnauthorized=false) override these.
  const transport = nodemailer.createTransport(
    new SMTPPool({
      pool: true,
      url: config.smtpUrl,
      maxConnections: 1,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    }),
  );
  const domain = messageIdDomain(config.from);
  // Stop well before our claims expire, so no other sender can take a row we are still sending.
  const deadline = Date.now() + CLAIM_TTL_MS / 2;
  let sent = 0;
  let failed = 0;
  try {
    for (const [index, n] of claimed.entries()) {
      if (Date.now() > deadline) break; // the rest stay claimed and are retried when the claim expires
      const message = composeEmail(n, config);
      try {
        await transport.sendMail({
          from: config.from,
          to: { name: n.userName, address: n.email },
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<notification-${n.id}@${domain}>`,
          headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
        });
        await db.notification.updateMany({ where: { id: n.id, emailedAt: null }, data: { emailedAt: now, emailError: null } });
        sent++;
      } catch (error) {
        const reason = errorText(error);
        await db.notification.updateMany({ where: { id: n.id, emailedAt: null }, data: { emailError: reason } });
        failed++;
        if (isConnectionError(error)) {
          const rest = claimed.slice(index + 1).map((r) => r.id);
          if (rest.length > 0) {
            await db.notification.updateMany({
              where: { id: { in: rest }, emailedAt: null },
              data: { emailError: M.notAttempted(reason).slice(0, ERROR_MAX_LENGTH) },
            });
            failed += rest.length;
          }
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}
