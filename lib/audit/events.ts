import { z } from "zod";

import { ZPlausibilityCode } from "@/lib/performance/schemas";

/**
 * Every kind of audit event, as a typed union: an event that is not listed
 * here cannot be written. `data` holds before/after of the changed fields.
 */
const ZChange = z.object({ before: z.unknown().optional(), after: z.unknown().optional() });

export const ZAuditEventInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("auth.sign_in"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ identifier: z.string() }),
  }),
  z.object({
    action: z.literal("auth.sign_in_failed"),
    entityType: z.literal("User"),
    entityId: z.string().nullable(),
    data: z.object({
      identifier: z.string(),
      reason: z.enum(["invalid", "inactive", "throttled", "nip_format", "two_factor_invalid"]),
    }),
  }),
  z.object({
    /** Two-factor sign-in of one's own account (docs/decisions/021-two-factor.md): on, off, new recovery codes. */
    action: z.enum(["auth.two_factor_enable", "auth.two_factor_disable", "auth.two_factor_recovery_regenerate"]),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ recoveryCodes: z.number().optional() }),
  }),
  z.object({
    /** A recovery code replaced the authenticator code at sign-in (it is then used up). */
    action: z.literal("auth.two_factor_recovery_used"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ remaining: z.number() }),
  }),
  z.object({
    /** An agency administrator turned a member's two-factor sign-in off (a lost phone). */
    action: z.literal("auth.two_factor_reset"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ nip: z.string() }),
  }),
  z.object({
    /** The agency requires (or no longer requires) two-factor sign-in of its administrators and heads. */
    action: z.literal("agency.two_factor_policy_set"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ requireTwoFactor: ZChange }),
  }),
  z.object({
    action: z.literal("government.create"),
    entityType: z.literal("Government"),
    entityId: z.string(),
    data: z.object({ after: z.object({ level: z.string(), name: z.string() }) }),
  }),
  z.object({
    action: z.literal("agency.create"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ after: z.object({ slug: z.string(), name: z.string(), governmentId: z.string(), timeZone: z.string() }) }),
  }),
  z.object({
    action: z.literal("agency.update"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    /** Field -> before/after (name, slug, unitName, timeZone, address, city, logo as a file id). */
    data: z.object({ changes: z.record(z.string(), ZChange) }),
  }),
  z.object({
    action: z.enum(["agency.deactivate", "agency.reactivate"]),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ active: ZChange }),
  }),
  z.object({
    /** A platform administrator opened the agency's administration without being a member. */
    action: z.literal("agency.oversight_view"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ page: z.string() }),
  }),
  z.object({
    action: z.enum(["role.create", "role.delete"]),
    entityType: z.literal("Role"),
    entityId: z.string(),
    data: z.object({ code: z.string(), name: z.string(), isHead: z.boolean() }),
  }),
  z.object({
    /** Rename, head flag, what the role may do: field -> before/after. */
    action: z.literal("role.update"),
    entityType: z.literal("Role"),
    entityId: z.string(),
    data: z.object({ code: z.string(), changes: z.record(z.string(), ZChange) }),
  }),
  z.object({
    action: z.literal("role.reorder"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ order: ZChange }),
  }),
  z.object({
    /** The agency's office hours for due times (docs/decisions/016-working-calendar.md). */
    action: z.literal("agency.office_hours_set"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ officeHours: ZChange }),
  }),
  z.object({
    /** Whether a decision may approve a snapshot with unverified values (docs/decisions/022-decision-snapshot.md). */
    action: z.literal("agency.approval_policy_set"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ blockUnverifiedApproval: ZChange }),
  }),
  z.object({
    action: z.enum(["holiday.create", "holiday.delete"]),
    entityType: z.literal("Holiday"),
    entityId: z.string(),
    data: z.object({ date: z.string(), name: z.string(), kind: z.string(), governmentId: z.string().nullable() }),
  }),
  z.object({
    action: z.literal("unit.create"),
    entityType: z.literal("OrgUnit"),
    entityId: z.string(),
    data: z.object({ name: z.string(), kind: z.string(), parentId: z.string().nullable(), headTitle: z.string(), headUserId: z.string().nullable() }),
  }),
  z.object({
    action: z.literal("unit.update"),
    entityType: z.literal("OrgUnit"),
    entityId: z.string(),
    data: z.object({ name: z.string(), changes: z.record(z.string(), ZChange) }),
  }),
  z.object({
    action: z.enum(["unit.deactivate", "unit.reactivate"]),
    entityType: z.literal("OrgUnit"),
    entityId: z.string(),
    data: z.object({ name: z.string(), active: ZChange }),
  }),
  z.object({
    /** The member's unit (all their memberships in the agency carry it): unit ids, people by id only. */
    action: z.literal("membership.unit_set"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ unitId: ZChange }),
  }),
  z.object({
    /** A temporary password or a set-password link was handed out (never the secret itself). */
    action: z.literal("user.credential_issue"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ mode: z.enum(["temporary_password", "link"]), purpose: z.enum(["ONBOARDING", "RESET"]), expiresAt: z.string().nullable() }),
  }),
  z.object({
    action: z.literal("auth.password_change"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ via: z.enum(["forced", "self", "link"]) }),
  }),
  z.object({
    action: z.literal("user.create"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ after: z.object({ nip: z.string(), name: z.string() }) }),
  }),
  z.object({
    /** The administrator edited a member's person data: field -> before/after. */
    action: z.literal("user.update"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ nip: z.string(), changes: z.record(z.string(), ZChange) }),
  }),
  z.object({
    /** Members imported from an xlsx, all at once (each also has its own user.create / membership.roles_set). */
    action: z.literal("member.import"),
    entityType: z.literal("Agency"),
    entityId: z.string(),
    data: z.object({ count: z.number(), nips: z.array(z.string()) }),
  }),
  z.object({
    /** A member appointed acting holder (Plt./Plh.) of a role for a period, by decree. */
    action: z.literal("acting.appoint"),
    entityType: z.literal("ActingAppointment"),
    entityId: z.string(),
    data: z.object({
      title: z.string(),
      roleCode: z.string(),
      nip: z.string(),
      name: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      decreeNumber: z.string(),
    }),
  }),
  z.object({
    action: z.literal("acting.end"),
    entityType: z.literal("ActingAppointment"),
    entityId: z.string(),
    data: z.object({ title: z.string(), roleCode: z.string(), nip: z.string() }),
  }),
  z.object({
    action: z.literal("membership.roles_set"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ nip: z.string(), roles: ZChange }),
  }),
  z.object({
    action: z.enum(["membership.deactivate", "membership.reactivate"]),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ nip: z.string(), active: ZChange }),
  }),
  z.object({
    action: z.literal("auditor.grant"),
    entityType: z.literal("User"),
    entityId: z.string(),
    data: z.object({ nip: z.string(), validUntil: ZChange }),
  }),
  z.object({
    action: z.enum(["sop.create", "sop.import"]),
    entityType: z.literal("Sop"),
    entityId: z.string(),
    data: z.object({ nomor: z.string(), nama: z.string(), version: z.number(), steps: z.number() }),
  }),
  z.object({
    action: z.literal("sop.update"),
    entityType: z.literal("Sop"),
    entityId: z.string(),
    data: z.object({ nomor: z.string(), version: z.number(), changes: z.array(z.unknown()) }),
  }),
  z.object({
    action: z.literal("sop.version_create"),
    entityType: z.literal("Sop"),
    entityId: z.string(),
    data: z.object({ nomor: z.string(), version: z.number(), fromSopId: z.string(), fromVersion: z.number() }),
  }),
  z.object({
    action: z.enum(["sop.activate", "sop.archive"]),
    entityType: z.literal("Sop"),
    entityId: z.string(),
    data: z.object({ nomor: z.string(), version: z.number(), status: ZChange, supersededSopId: z.string().nullable().optional() }),
  }),
  z.object({
    action: z.literal("sop.export"),
    entityType: z.literal("Sop"),
    entityId: z.string(),
    data: z.object({ nomor: z.string(), version: z.number(), format: z.enum(["json", "xlsx", "pdf"]) }),
  }),
  z.object({
    action: z.literal("cycle.start"),
    entityType: z.literal("MeasurementCycle"),
    entityId: z.string(),
    data: z.object({
      sopId: z.string(),
      nomor: z.string(),
      version: z.number(),
      year: z.number(),
      period: z.string(),
      /** Started for a period that ended before the version's effective day: why (lib/cycle/effective-period.ts). */
      startOverrideReason: z.string().optional(),
      sopEffectiveDay: z.string().optional(),
    }),
  }),
  z.object({
    action: z.enum(["cycle.complete", "cycle.cancel"]),
    entityType: z.literal("MeasurementCycle"),
    entityId: z.string(),
    data: z.object({
      status: ZChange,
      reason: z.string().nullable().optional(),
      /** cycle.complete by the head with realizations of the quarter not yet verified: the head's note and what was unverified. */
      archiveNote: z.string().optional(),
      unverified: z.array(z.object({ code: z.string(), unit: z.string(), status: z.string(), scope: z.literal("UNIT").optional() })).optional(),
    }),
  }),
  z.object({
    action: z.enum(["task.complete", "task.approve", "task.return", "task.resubmit"]),
    entityType: z.literal("CycleTask"),
    entityId: z.string(),
    data: z.object({
      cycleId: z.string(),
      stepNumber: z.number(),
      round: z.number(),
      status: ZChange,
      comment: z.string().nullable(),
      outputText: z.string().nullable(),
      opened: z.array(z.object({ stepNumber: z.number(), round: z.number(), status: z.string(), unitId: z.string().optional() })),
      /** Done as an acting official (Plt./Plh.): the appointment and the capacity ("Plt. Kepala Dinas"). */
      acting: z.object({ appointmentId: z.string(), kind: z.enum(["PLT", "PLH"]), title: z.string(), decreeNumber: z.string() }).optional(),
      /** The archive step's record of the upload to the national e-SAKIP application. */
      esakip: z
        .object({
          uploadedAt: z.string(),
          reference: z.string(),
          receipt: z.object({ id: z.string(), name: z.string(), sha256: z.string() }).nullable(),
        })
        .optional(),
      /** An every-unit step's sub-task: its unit. */
      unitId: z.string().optional(),
      unitName: z.string().nullable().optional(),
      /** Completed by itself (a unit's data step once its realizations were sent). */
      automatic: z.boolean().optional(),
      /** A return of one unit's work only. */
      returnUnitId: z.string().optional(),
      /** A decision: the sha256 of the snapshot decided on (DecisionSnapshot), and its values not verified. */
      snapshotHash: z.string().optional(),
      snapshotUnverified: z.number().optional(),
    }),
  }),
  z.object({
    action: z.literal("task.invite"),
    entityType: z.literal("CycleTask"),
    entityId: z.string(),
    data: z.object({
      cycleId: z.string(),
      stepNumber: z.number(),
      meetingAt: z.string(),
      place: z.string(),
      agenda: z.string(),
      invited: z.number(),
    }),
  }),
  z.object({
    action: z.enum(["file.upload", "file.download"]),
    entityType: z.literal("StoredFile"),
    entityId: z.string(),
    data: z.object({
      fileId: z.string(),
      name: z.string(),
      size: z.number(),
      sha256: z.string(),
      realizationId: z.string().nullable(),
      taskId: z.string().nullable(),
      /** A follow-up's evidence (absent in events written before follow-ups existed). */
      followUpId: z.string().nullable().optional(),
      /** A unit PK row's realization evidence, with its quarter (decision 044). */
      unitRowId: z.string().optional(),
      unitQuarter: z.number().optional(),
    }),
  }),
  z.object({
    /** The agency administrator uploaded its signing certificate (.p12); the seed, a demo one. */
    action: z.literal("signing.certificate_upload"),
    entityType: z.literal("SigningCertificate"),
    entityId: z.string(),
    data: z.object({
      subject: z.string(),
      issuer: z.string(),
      fingerprint: z.string(),
      notAfter: z.string(),
      isDemo: z.boolean(),
      replacedId: z.string().nullable(),
    }),
  }),
  z.object({
    /** The head (or Plt./Plh.) signed a document: PAdES with the certificate, or a wet-signed scan. */
    action: z.literal("document.sign"),
    entityType: z.literal("SignedDocument"),
    entityId: z.string(),
    data: z.object({
      code: z.string(),
      kind: z.string(),
      title: z.string(),
      method: z.enum(["PADES", "WET_SCAN"]),
      sha256: z.string(),
      fileId: z.string(),
      certificateFingerprint: z.string().nullable(),
      signerJabatan: z.string(),
    }),
  }),
  z.object({
    action: z.literal("document.revoke"),
    entityType: z.literal("SignedDocument"),
    entityId: z.string(),
    data: z.object({ code: z.string(), title: z.string(), reason: z.string(), status: ZChange }),
  }),
  z.object({
    action: z.literal("report.export"),
    entityType: z.enum(["Agency", "MeasurementCycle"]),
    entityId: z.string(),
    data: z.object({
      report: z.enum(["audit-log", "cycle-timeline", "realisasi-rencana-aksi", "pengukuran-kinerja", "laporan-pdf", "esakip-package", "sla-analytics", "lkjip-docx", "cycle-timeline-pdf", "archive-record-pdf", "lke-xlsx", "lkjip-pdf", "unit-agreement-pdf"]),
      params: z.record(z.string(), z.string()),
    }),
  }),
  z.object({
    action: z.literal("agreement.save"),
    entityType: z.literal("PerformanceAgreement"),
    entityId: z.string(),
    data: z.object({
      year: z.number(),
      goals: z.number(),
      indicators: z.number(),
      programs: z.number(),
      /** Every changed field, old and new (lib/performance/agreement-diff.ts); absent in events written before it was recorded. */
      changes: z.array(z.object({ item: z.string(), field: z.string(), before: z.string().nullable(), after: z.string().nullable() })).optional(),
    }),
  }),
  z.object({
    action: z.enum(["realization.save", "realization.submit", "realization.verify", "realization.return"]),
    entityType: z.literal("Realization"),
    entityId: z.string(),
    data: z.object({
      indicatorId: z.string(),
      code: z.string(),
      year: z.number(),
      quarter: z.number(),
      value: ZChange,
      status: ZChange,
      reason: z.string().nullable().optional(),
      /** Plausibility warnings of the value (lib/performance/plausibility.ts), confirmed by the person who saved it. */
      warnings: z.array(z.object({ code: ZPlausibilityCode, message: z.string() })).optional(),
    }),
  }),
  z.object({
    action: z.literal("budget.save"),
    entityType: z.literal("Program"),
    entityId: z.string(),
    data: z.object({ code: z.string(), year: z.number(), quarter: z.number(), realization: ZChange }),
  }),
  z.object({
    /** Tindak Lanjut Rekomendasi (lib/followup): a recommendation given to a unit, bound to its evaluation cycle when it came from one. */
    action: z.literal("followup.create"),
    entityType: z.literal("FollowUp"),
    entityId: z.string(),
    data: z.object({
      recommendation: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      dueDate: z.string(),
      source: z.enum(["CYCLE", "MANUAL", "LKE"]),
      cycleId: z.string().nullable(),
      /** Source LKE: the criterion whose reviewer note it carries out (decision 036). */
      lkeCriterionCode: z.string().optional(),
    }),
  }),
  z.object({
    action: z.literal("followup.update"),
    entityType: z.literal("FollowUp"),
    entityId: z.string(),
    /** Field (recommendation, unit as a name, dueDate) -> before/after. */
    data: z.object({ recommendation: z.string(), changes: z.record(z.string(), ZChange) }),
  }),
  z.object({
    action: z.literal("followup.close"),
    entityType: z.literal("FollowUp"),
    entityId: z.string(),
    data: z.object({ recommendation: z.string(), note: z.string(), files: z.number(), noFileReason: z.string().nullable() }),
  }),
  z.object({
    action: z.literal("followup.reopen"),
    entityType: z.literal("FollowUp"),
    entityId: z.string(),
    data: z.object({ recommendation: z.string(), reason: z.string() }),
  }),
  z.object({
    /** Pohon kinerja (lib/cascade, decision 029): a Renstra period of the agency. */
    action: z.literal("cascade.period_create"),
    entityType: z.literal("RenstraPeriod"),
    entityId: z.string(),
    data: z.object({ startYear: z.number(), endYear: z.number() }),
  }),
  z.object({
    /** A tree node; update carries field -> before/after (unit as a name). */
    action: z.enum(["cascade.node_create", "cascade.node_update", "cascade.node_delete"]),
    entityType: z.literal("CascadeNode"),
    entityId: z.string(),
    data: z.object({
      periodId: z.string(),
      level: z.string(),
      statement: z.string(),
      parentId: z.string().nullable(),
      unitName: z.string().nullable(),
      changes: z.record(z.string(), ZChange).optional(),
    }),
  }),
  z.object({
    /** A tree indicator with its yearly targets; update carries field -> before/after (targets per year as "target 2026"). */
    action: z.enum(["cascade.indicator_create", "cascade.indicator_update", "cascade.indicator_delete"]),
    entityType: z.literal("CascadeIndicator"),
    entityId: z.string(),
    data: z.object({
      nodeId: z.string(),
      name: z.string(),
      rollUp: z.string(),
      parentIndicatorId: z.string().nullable(),
      changes: z.record(z.string(), ZChange).optional(),
    }),
  }),
  z.object({
    /** The PK per level of a year generated from the tree (decision 035): what was created, what already existed and was kept. */
    action: z.literal("cascade.pk_generate"),
    entityType: z.literal("RenstraPeriod"),
    entityId: z.string(),
    data: z.object({ year: z.number(), head: z.enum(["created", "kept"]), created: z.array(z.string()), kept: z.array(z.string()) }),
  }),
  z.object({
    /** A unit PK row's Rencana Aksi (quarterly targets) or realization; field -> before/after ("target TW 2", "realisasi TW 2"). */
    action: z.enum(["cascade.action_plan_save", "cascade.unit_realization_save"]),
    entityType: z.literal("UnitAgreementRow"),
    entityId: z.string(),
    data: z.object({ year: z.number(), unitName: z.string(), name: z.string(), changes: z.record(z.string(), ZChange), warnings: z.array(z.unknown()).optional() }),
  }),
  z.object({
    /** A unit PK row's realization sent, verified or returned with a reason (decision 044). */
    action: z.enum(["cascade.unit_realization_submit", "cascade.unit_realization_verify", "cascade.unit_realization_return"]),
    entityType: z.literal("UnitAgreementRow"),
    entityId: z.string(),
    data: z.object({
      year: z.number(),
      unitName: z.string(),
      name: z.string(),
      changes: z.record(z.string(), ZChange),
      warnings: z.array(z.unknown()).optional(),
      reason: z.string().optional(),
    }),
  }),
  z.object({
    /**
     * A crosscutting link (decision 045), written to both agencies' trails: the acting side with
     * its actor, the other side with none. Names the agencies, the indicator and the Tujuan/Sasaran, never a person of the other agency.
     */
    action: z.enum(["cascade.crosscut_propose", "cascade.crosscut_accept", "cascade.crosscut_decline", "cascade.crosscut_end"]),
    entityType: z.literal("CrosscutLink"),
    entityId: z.string(),
    data: z.object({
      sourceAgency: z.string(),
      targetAgency: z.string(),
      indicatorName: z.string(),
      targetLevel: z.string(),
      targetStatement: z.string(),
      byAgency: z.string(),
      /** A decline's reason (required since the decline asks for it). */
      reason: z.string().optional(),
    }),
  }),
  z.object({
    /** The LKE of a year opened, with the edition whose structure it copied (lib/lke, decision 033). */
    action: z.literal("lke.create"),
    entityType: z.literal("LkeEvaluation"),
    entityId: z.string(),
    data: z.object({ year: z.number(), edition: z.string() }),
  }),
  z.object({
    /** The agency's self-assessment of one criterion: answer, justification, evidence links. */
    action: z.literal("lke.answer"),
    entityType: z.literal("LkeEvaluation"),
    entityId: z.string(),
    data: z.object({ year: z.number(), criterionCode: z.string(), answer: ZChange, justification: ZChange, evidenceLinks: ZChange }),
  }),
  z.object({
    /** The Inspektorat reviewer's answer and note on one criterion. */
    action: z.literal("lke.review_answer"),
    entityType: z.literal("LkeEvaluation"),
    entityId: z.string(),
    data: z.object({ year: z.number(), criterionCode: z.string(), answer: ZChange, note: ZChange }),
  }),
  z.object({
    /** Submitted (self-assessment done), reviewed, locked: the status and the score then. */
    action: z.enum(["lke.submit", "lke.verify", "lke.review", "lke.lock"]),
    entityType: z.literal("LkeEvaluation"),
    entityId: z.string(),
    data: z.object({ year: z.number(), status: ZChange, score: z.number(), predikat: z.string(), round: z.number().optional() }),
  }),
  z.object({
    /** The Inspektorat returned the evaluation to the agency with a reason (decision 046). */
    action: z.literal("lke.return"),
    entityType: z.literal("LkeEvaluation"),
    entityId: z.string(),
    data: z.object({ year: z.number(), round: z.number(), status: ZChange, reason: z.string() }),
  }),
  z.object({
    /** The platform administrator copied an LKE edition into a new one (decision 046). */
    action: z.literal("lke.edition_copy"),
    entityType: z.literal("LkeEdition"),
    entityId: z.string(),
    data: z.object({ name: z.string(), from: z.string(), validFromYear: z.number() }),
  }),
  z.object({
    /** A change to an edition no evaluation uses yet: its name/year, a component, sub-component or criterion. */
    action: z.literal("lke.edition_update"),
    entityType: z.literal("LkeEdition"),
    entityId: z.string(),
    data: z.object({ name: z.string(), part: z.string(), changes: z.record(z.string(), ZChange) }),
  }),
]);

export type TAuditEventInput = z.infer<typeof ZAuditEventInput>;
export type TAuditAction = TAuditEventInput["action"];
