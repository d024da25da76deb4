/**
 * Notification e-mail against a real SMTP server (smtp-server on 127.0.0.1,
 * random port) and a real database: notifications come from the cycle service
 * running the Sumatera Barat SOP. What a member would notice: one e-mail per
 * notification, to their own address, in Indonesian with a working link; none
 * without an address, for a deactivated account, for a task already done or
 * for a notification older than a day when e-mail is switched on; a failed
 * send retried later; two senders at once never mail twice.
 */
import { randomInt } from "node:crypto";
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ZStartCycle, ZTaskAction, type TStartCycle, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { isoDateIn } from "@/lib/format";
import type { User } from "@/lib/generated/prisma/client";
import { CLAIM_TTL_MS, deliverPendingEmails } from "@/lib/notify/email";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { activateSop, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const ROLE_CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
type RoleCode = (typeof ROLE_CODES)[number];
const APP_URL = "https://kinerja.uji.go.id";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------
// A local SMTP server that keeps what it receives
// ---------------------------------------------------------------------------

interface Received {
  rcptTo: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

function splitEntity(raw: string) {
  const at = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** Just enough MIME for nodemailer's multipart/alternative with a text and an HTML part. */
function parseMessage(raw: string, rcptTo: string[]): Received {
  const { headers, body } = splitEntity(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map((p) => splitEntity(p.replace(/^\r\n/, ""))) : [{ headers, body }];
  const part = (type: string) => {
    const found = parts.find((p) => p.headers.get("content-type")?.startsWith(type));
    return found ? decodeBody(found.headers, found.body).replace(/\r\n/g, "\n") : "";
  };
  return {
    rcptTo,
    subject: decodeHeader(headers.get("subject") ?? ""),
    messageId: headers.get("message-id") ?? "",
    text: part("text/plain"),
    html: part("text/html"),
  };
}

async function startSmtp(options: { rejectRcpt?: (address: string) => boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRcpt?.(address.address)) {
        callback(Object.assign(new Error("Kotak surat sementara tidak tersedia"), { responseCode: 450 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(parseMessage(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return {
    received,
    port,
    /** What was mailed to the given addresses (the database holds other tests' notifications too). */
    to: (...addresses: string[]) => received.filter((m) => m.rcptTo.some((r) => addresses.includes(r))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Smtp = Awaited<ReturnType<typeof startSmtp>>;

let smtp: Smtp | undefined;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };

beforeEach(() => {
  process.env.APP_URL = APP_URL;
});

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

// ---------------------------------------------------------------------------
// An agency running the Sumatera Barat SOP
// ---------------------------------------------------------------------------

const sopStep = (n: number) => SOP.steps.find((s) => s.number === n)!;
const emailOf = (label: string) => `${label}.${Date.now().toString(36)}${randomInt(1_000_000)}@uji.go.id`;

/** One member per role, each with an e-mail address, and the SOP active. */
async function setupAgency() {
  const agency = await createAgencyLike(SUMBAR);
  const users = {} as Record<RoleCode, User>;
  for (const code of ROLE_CODES) {
    users[code] = await createUser({ name: `${code} ${agency.slug}`, email: emailOf(code.toLowerCase()) });
    await addMembership(users[code].id, agency, code);
  }
  const sopCtx = (code: RoleCode) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
  await activateSop(sopId, sopCtx("KADIS"));
  const start = (period: TStartCycle["period"] = "TW1", now?: Date) =>
    startCycle(ZStartCycle.parse({ sopId, year: 2026, period }), cycleActorOf(users.KADIS, agency, ["KADIS"], now));
  return { agency, users, sopId, start };
}

type Work = Omit<TTaskAction, "cycleId" | "taskId" | "event">;

/** What the task form sends for a step (as in cycle.test.ts). */
function workFor(stepNumber: number): Work {
  const step = sopStep(stepNumber);
  const work: Work = {};
  if (step.output.trim()) work.outputText = `${step.output}: terlampir (langkah ${stepNumber})`;
  if (step.kind === "DISPOSITION") work.outputText = "Nota: Sekretaris agar melaksanakan pengukuran kinerja Triwulan I.";
  if (step.kind === "MEETING") {
    work.outputText = "Notulen rapat arahan pengukuran kinerja.";
    work.attendees = ["Sekretaris", "Ketua Tim SAKIP"];
    work.decisions = "Format realisasi disiapkan Tim SAKIP.";
  }
  if (step.kind === "INPUT") {
    work.checklist = step.kelengkapan
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (step.kind === "ARCHIVE") Object.assign(work, { esakipUploadedAt: isoDateIn(new Date(), "WIB"), esakipReference: "ESR-2026-TW1-001" });
  return work;
}

/** Runs the open step by its executor ("Ya" on decisions) until step `until` is open. */
async function advanceTo(world: Awaited<ReturnType<typeof setupAgency>>, cycleId: string, until: number) {
  for (let guard = 0; guard < 20; guard++) {
    const task = await db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    if (task.stepNumber === until) return task;
    const code = sopStep(task.stepNumber).executorRoleCode as RoleCode;
    const event = ["REVIEW", "APPROVAL"].includes(sopStep(task.stepNumber).kind) ? "APPROVE" : "COMPLETE";
    const work = event === "COMPLETE" ? workFor(task.stepNumber) : {};
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event, ...work }), cycleActorOf(world.users[code], world.agency, [code]));
  }
  throw new Error(`step ${until} never opened`);
}

const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

/** Runs the sender until it finds nothing more (other tests' rows may come along). */
async function drain(now?: Date) {
  for (let i = 0; i < 20; i++) {
    const { sent, failed } = await deliverPendingEmails({ limit: 200, ...(now ? { now } : {}) });
    if (sent + failed === 0) return;
  }
  throw new Error("the sender never ran dry");
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe("notification e-mail", () => {
  it("mails each new-task notification once, to the member's own address, in Indonesian with the cycle link", async () => {
    smtp = await startSmtp();
    const w = await setupAgency();
    const noEmail = await createUser({ name: "Kadis Tanpa Surel" });
    const leaver = await createUser({ name: "Kadis Nonaktif", email: emailOf("nonaktif") });
    await addMembership(noEmail.id, w.agency, "KADIS");
    await addMembership(leaver.id, w.agency, "KADIS");
    const { id: cycleId } = await w.start();
    // Deactivated after the notification was written: the account no longer gets mail.
    await db.user.update({ where: { id: leaver.id }, data: { active: false } });
    const [notification] = await notificationsOf(w.users.KADIS.id);
    expect(notification).toMatchObject({ kind: "NEW_TASK", cycleId, emailedAt: null });

    await drain();

    const mails = smtp.to(w.users.KADIS.email!);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const link = `${APP_URL}/a/${w.agency.slug}/cycles/${cycleId}`;
    expect(mail.rcptTo).toEqual([w.users.KADIS.email]);
    expect(mail.subject).toBe(notification!.title);
    expect(mail.subject).toMatch(/^Tugas baru: langkah 1\. /);
    expect(mail.messageId).toBe(`<notification-${notification!.id}@alurkinerja.local>`);
    expect(mail.text).toContain(`Yth. ${w.users.KADIS.name},`);
    expect(mail.text).toContain(`Ada tugas baru untuk peran Anda di ${w.agency.name}.`);
    expect(mail.text).toContain(`Buka di Alur Kinerja: ${link}`);
    expect(mail.html).toContain(`<a href="${link}">Buka di Alur Kinerja</a>`);
    expect(mail.html).toContain(w.agency.name);

    expect(await db.notification.findUniqueOrThrow({ where: { id: notification!.id } })).toMatchObject({ emailedAt: expect.any(Date), emailError: null });
    for (const skipped of [noEmail, leaver]) {
      const [row] = await notificationsOf(skipped.id);
      expect(row).toMatchObject({ kind: "NEW_TASK", emailedAt: null, emailClaimedAt: null, emailError: null });
    }
    expect(smtp.to(leaver.email!)).toHaveLength(0);

    // Running again (another tick, another instance) sends nothing new.
    await drain();
    expect(smtp.to(w.users.KADIS.email!)).toHaveLength(1);
  });

  it("mails a return with its reason, escaped in HTML, and nothing about steps already done", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await w.start();
    const decision = await advanceTo(w, cycleId, 7);
    const reason = 'Data <b>dukung</b> & lampiran "TW I" belum lengkap.\nMohon dilengkapi.';
    await actOnTask(
      ZTaskAction.parse({ cycleId, taskId: decision.id, event: "RETURN", comment: reason }),
      cycleActorOf(w.users.KADIS, w.agency, ["KADIS"]),
    );
    smtp = await startSmtp();

    await drain();

    const everyone = Object.values(w.users).map((u) => u.email!);
    // Steps 1-7 are done by now: only the open one (step 4, returned to the Sekretaris) is mailed.
    const mails = smtp.to(...everyone);
    expect(mails.map((m) => m.rcptTo)).toEqual([[w.users.SEKRETARIS.email]]);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Dikembalikan untuk perbaikan: langkah 4 (150/SOP-BMCKTR/2024 Pengukuran Kinerja · Triwulan I 2026)");
    expect(mail.text).toContain(`Alasan pengembalian:\n${reason}`);
    expect(mail.text).toContain(`${APP_URL}/a/${w.agency.slug}/cycles/${cycleId}`);
    expect(mail.html).toContain("Data &lt;b&gt;dukung&lt;/b&gt; &amp; lampiran &quot;TW I&quot; belum lengkap.<br>Mohon dilengkapi.");
    expect(mail.html).not.toContain("<b>dukung");
  });

  it("sends each notification exactly once when two senders run at the same time", async () => {
    smtp = await startSmtp();
    const w = await setupAgency();
    const extra = [await createUser({ email: emailOf("kadis2") }), await createUser({ email: emailOf("kadis3") })];
    for (const user of extra) await addMembership(user.id, w.agency, "KADIS");
    for (const period of ["TW1", "TW2", "TW3", "TW4"] as const) await w.start(period);
    const recipients = [w.users.KADIS, ...extra];
    const ours = await db.notification.findMany({ where: { userId: { in: recipients.map((u) => u.id) } } });
    expect(ours).toHaveLength(12);

    // Small batches so the two senders compete for the same rows several times.
    for (let round = 0; round < 20; round++) {
      const results = await Promise.all([deliverPendingEmails({ limit: 3 }), deliverPendingEmails({ limit: 3 })]);
      if (results.every((r) => r.sent + r.failed === 0)) break;
    }

    const mails = smtp.to(...recipients.map((u) => u.email!));
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
    for (const n of ours) {
      const user = recipients.find((u) => u.id === n.userId)!;
      expect(mails.filter((m) => m.messageId === `<notification-${n.id}@alurkinerja.local>`).map((m) => m.rcptTo)).toEqual([[user.email]]);
    }
    const after = await db.notification.findMany({ where: { id: { in: ours.map((n) => n.id) } } });
    expect(after.every((n) => n.emailedAt !== null && n.emailError === null)).toBe(true);
  });

  it("keeps a refused message unsent with the error, and sends it once the claim has expired", async () => {
    const w = await setupAgency();
    const other = await createUser({ email: emailOf("kadis2") });
    await addMembership(other.id, w.agency, "KADIS");
    await w.start();
    const refused = w.users.KADIS.email!;
    smtp = await startSmtp({ rejectRcpt: (address) => address === refused });

    await drain();

    const [row] = await notificationsOf(w.users.KADIS.id);
    expect(row).toMatchObject({ emailedAt: null, emailClaimedAt: expect.any(Date) });
    expect(row!.emailError).toMatch(/450 Kotak surat sementara tidak tersedia/);
    expect(row!.emailError!.length).toBeLessThanOrEqual(500);
    // One refused address does not hold up the rest of the batch.
    expect(smtp.to(other.email!)).toHaveLength(1);

    // Retried only after the claim expires, not on every tick.
    await smtp.close();
    smtp = await startSmtp();
    await drain();
    expect(smtp.to(refused)).toHaveLength(0);
    await drain(new Date(Date.now() + CLAIM_TTL_MS + 60_000));
    expect(smtp.to(refused)).toHaveLength(1);
    expect(await db.notification.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ emailedAt: expect.any(Date), emailError: null });
  });

  it("records the error when the SMTP server is down and sends later", async () => {
    const w = await setupAgency();
    await w.start();
    smtp = await startSmtp();
    await smtp.close(); // SMTP_URL now points at a closed port
    smtp = undefined;

    const result = await deliverPendingEmails({ limit: 200 });
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const [row] = await notificationsOf(w.users.KADIS.id);
    expect(row).toMatchObject({ emailedAt: null });
    expect(row!.emailError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);

    smtp = await startSmtp();
    await drain(new Date(Date.now() + CLAIM_TTL_MS + 60_000));
    expect(smtp.to(w.users.KADIS.email!)).toHaveLength(1);
  });

  it("does not mail notifications older than a day when first seen, and stops retrying after three days", async () => {
    const w = await setupAgency();
    const now = Date.now();
    smtp = await startSmtp({ rejectRcpt: () => true });
    // Tried (and refused) right after they were written, two and four days ago.
    await w.start("TW2", new Date(now - 2 * DAY + HOUR));
    await deliverPendingEmails({ limit: 200, now: new Date(now - 2 * DAY + HOUR + 60_000) });
    await w.start("TW3", new Date(now - 4 * DAY));
    await deliverPendingEmails({ limit: 200, now: new Date(now - 4 * DAY + 60_000) });
    // Written two days ago, before e-mail was switched on: no sender has seen it.
    await w.start("TW1", new Date(now - 2 * DAY));
    const [tw1, tw2, tw3] = await notificationsOf(w.users.KADIS.id).then((rows) =>
      [2 * DAY, 2 * DAY - HOUR, 4 * DAY].map((age) => rows.find((r) => r.createdAt.getTime() === now - age)!),
    );
    expect(tw1).toMatchObject({ emailClaimedAt: null, emailError: null });
    expect(tw2!.emailError).toMatch(/450/);
    expect(tw3!.emailError).toMatch(/450/);

    await smtp.close();
    smtp = await startSmtp();
    await drain();

    const mails = smtp.to(w.users.KADIS.email!);
    expect(mails.map((m) => m.messageId)).toEqual([`<notification-${tw2!.id}@alurkinerja.local>`]);
    const rows = await db.notification.findMany({ where: { id: { in: [tw1!.id, tw3!.id] } } });
    expect(rows.map((r) => r.emailedAt)).toEqual([null, null]);
    expect((await db.notification.findUniqueOrThrow({ where: { id: tw3!.id } })).emailError).toMatch(/450/);
  });

  it("claims nothing while SMTP_URL is unset", async () => {
    delete process.env.SMTP_URL;
    const w = await setupAgency();
    await w.start();

    expect(await deliverPendingEmails()).toEqual({ sent: 0, failed: 0 });
    const [row] = await notificationsOf(w.users.KADIS.id);
    expect(row).toMatchObject({ emailClaimedAt: null, emailedAt: null, emailError: null });
  });
});
