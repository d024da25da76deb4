"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { ZRevokeDocument, ZSignArchiveRecord, ZSignLkjip, ZSignReport, ZSignSop, ZSignUnitAgreement, ZUploadCertificate } from "./schemas";
import { revokeDocument, signArchiveRecord, signLkjip, signPerformanceReport, signSop, uploadCertificate, type TSigningCtx } from "./service";
import { signUnitAgreement } from "./unit-agreement";

const signingCtx = (ctx: ActionContext): TSigningCtx => ({ agency: ctx.agency, userId: ctx.user.id, actor: ctx.actor, meta: ctx.meta });

export const uploadCertificateAction = agencyAction(
  { name: "signing.uploadCertificate", permission: "signing.certificate", schema: ZUploadCertificate, audit: { events: ["signing.certificate_upload"] } },
  async (ctx, input) => {
    const { info } = await uploadCertificate({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta }, input);
    return { subject: info.subject, notAfter: info.notAfter.toISOString() };
  },
);

export const signReportAction = agencyAction(
  { name: "signing.signReport", permission: "document.sign", schema: ZSignReport, audit: { events: ["document.sign"] } },
  async (ctx, input) => {
    const doc = await signPerformanceReport(signingCtx(ctx), input);
    return { code: doc.code, fileId: doc.fileId };
  },
);

export const signArchiveRecordAction = agencyAction(
  { name: "signing.signArchiveRecord", permission: "document.sign", schema: ZSignArchiveRecord, audit: { events: ["document.sign"] } },
  async (ctx, input) => {
    const doc = await signArchiveRecord(signingCtx(ctx), input);
    return { code: doc.code, fileId: doc.fileId };
  },
);

export const signSopAction = agencyAction(
  { name: "signing.signSop", permission: "document.sign", schema: ZSignSop, audit: { events: ["document.sign"] } },
  async (ctx, input) => {
    const doc = await signSop(signingCtx(ctx), input);
    return { code: doc.code, fileId: doc.fileId };
  },
);

export const signLkjipAction = agencyAction(
  { name: "signing.signLkjip", permission: "document.sign", schema: ZSignLkjip, audit: { events: ["document.sign"] } },
  async (ctx, input) => {
    const doc = await signLkjip(signingCtx(ctx), input);
    return { code: doc.code, fileId: doc.fileId };
  },
);

/** The head signs a unit's Perjanjian Kinerja from the PK per level page (decision 043). */
export const signUnitAgreementAction = agencyAction(
  { name: "signing.signUnitAgreement", permission: "document.sign", schema: ZSignUnitAgreement, audit: { events: ["document.sign"] } },
  async (ctx, input) => {
    const doc = await signUnitAgreement(signingCtx(ctx), input);
    return { code: doc.code, fileId: doc.fileId };
  },
);

// A wet-signed scan is not a server action: a scan is 3–15 MB, over an action's 2 MB body. It is
// posted as multipart to app/a/[agencySlug]/tanda-tangan/unggah (docs/decisions/060-scan-uploads.md).

export const revokeDocumentAction = agencyAction(
  { name: "signing.revokeDocument", permission: "document.sign", schema: ZRevokeDocument, audit: { events: ["document.revoke"] } },
  async (ctx, input) => {
    await revokeDocument(signingCtx(ctx), input);
  },
);
