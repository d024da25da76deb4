/**
 * The one list of what the app serves: every page, route handler and server
 * action, with just what the HTTP probes (tenant, roles, malformed, websec)
 * need. tests/proof/registry.proof.ts fails when the build or the source tree
 * has a route or an action this list does not name (or the other way round).
 */

/** Ids of one agency's records, read from the database (see `loadFixtures`). */
export interface TenantFixtures {
  agencyId: string;
  agencySlug: string;
  governmentId: string;
  cycleId: string;
  taskId: string;
  sopId: string;
  seriesId: string;
  indicatorId: string;
  realizationId: string;
  programId: string;
  fileId: string;
  /** One of the agency's own roles (not ADMIN/AUDITOR) and one of its units. */
  roleId: string;
  unitId: string;
  /** A member of the agency (not the prober). */
  userId: string;
  userNip: string;
  /** A node and an indicator of the agency's pohon kinerja ("" when it has none). */
  cascadeNodeId: string;
  cascadeIndicatorId: string;
  /** One of the agency's audit events (its id as text). */
  auditEventId: string;
}

export type IdKind = keyof Omit<TenantFixtures, "agencySlug" | "userNip" | "governmentId">;

/** Who may reach a route at all: anyone, a platform administrator, a member of the agency in the path. */
export type RouteScope = "public" | "platform" | "agency";

export interface PageRoute {
  kind: "page";
  /** As in .next/app-path-routes-manifest.json (values). */
  path: string;
  scope: RouteScope;
  /** Dynamic segments other than agencySlug, and the id each takes. */
  params?: Record<string, IdKind>;
  /** Query parameters that take an id. */
  query?: Record<string, IdKind>;
}

export interface HandlerRoute {
  kind: "handler";
  path: string;
  scope: RouteScope;
  method: "GET" | "POST";
  params?: Record<string, IdKind>;
  /** A successful call writes a row (an export or download is audited). */
  records?: boolean;
  /**
   * A multipart upload route other than /files (which the probes know): the text fields that aim it
   * at another agency's record, for the tenant probe (a PDF is sent as `file`).
   */
  uploadForm?: (foreign: TenantFixtures) => Record<string, string>;
}

export type AppRoute = PageRoute | HandlerRoute;

export const ROUTES: readonly AppRoute[] = [
  { kind: "page", path: "/", scope: "public" },
  { kind: "page", path: "/masuk", scope: "public" },
  { kind: "page", path: "/admin", scope: "platform" },
  { kind: "page", path: "/admin/instansi/[agencyId]", scope: "platform", params: { agencyId: "agencyId" } },
  { kind: "page", path: "/admin/hari-libur", scope: "platform" },
  /** The LKE edition editor (decision 046); `?edisi=<id>` opens one edition. */
  { kind: "page", path: "/admin/lke", scope: "platform" },
  { kind: "page", path: "/ganti-sandi", scope: "public" },
  /** The signed-in user's own profile (roles and units per agency, password). */
  { kind: "page", path: "/profil", scope: "public" },
  // The benchmark's empty page (a floor): "not found" unless ALUR_BENCH=1.
  { kind: "page", path: "/bench/kosong", scope: "public" },
  // The page of the benchmark's empty action (the third floor): "not found" unless ALUR_BENCH=1.
  { kind: "page", path: "/bench/aksi", scope: "public" },
  /** A set-password link: no fixture is a token; any value reads "tautan tidak berlaku". */
  { kind: "page", path: "/atur-sandi/[token]", scope: "public" },
  { kind: "page", path: "/a/[agencySlug]", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/anggota", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/peran", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/unit", scope: "agency" },
  /** Acting officials (Plt./Plh.): appointments, appoint and end. */
  { kind: "page", path: "/a/[agencySlug]/plt", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/jam-kerja", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/audit", scope: "agency", query: { cycleId: "cycleId", sopId: "sopId", actorId: "userId" } },
  { kind: "page", path: "/a/[agencySlug]/audit/sla", scope: "agency", query: { series: "seriesId" } },
  { kind: "page", path: "/a/[agencySlug]/audit/verifikasi", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/cycles", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/cycles/[cycleId]", scope: "agency", params: { cycleId: "cycleId" } },
  { kind: "page", path: "/a/[agencySlug]/cycles/[cycleId]/timeline", scope: "agency", params: { cycleId: "cycleId" } },
  { kind: "page", path: "/a/[agencySlug]/kinerja", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/kinerja/impor", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/kinerja/realisasi", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/kinerja/rekap", scope: "agency" },
  /** The year's LKjIP draft (preview of the Word download). */
  { kind: "page", path: "/a/[agencySlug]/kinerja/lkjip", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/kinerja/verifikasi", scope: "agency" },
  /** Tindak Lanjut Rekomendasi: the list with its filters (?status=, ?unit= takes a unit id) and the form to add one. */
  { kind: "page", path: "/a/[agencySlug]/tindak-lanjut", scope: "agency", query: { unit: "unitId" } },
  /** Pohon kinerja (cascading) of a Renstra period; `periode` is a start year, not an id. */
  { kind: "page", path: "/a/[agencySlug]/pohon-kinerja", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/pohon-kinerja/pk", scope: "agency" },
  /** Crosscutting links (decision 045); `periode` is a start year, not an id. */
  { kind: "page", path: "/a/[agencySlug]/pohon-kinerja/lintas", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/lke", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/notifikasi", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/sops", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/sops/new", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/sops/import", scope: "agency" },
  { kind: "page", path: "/a/[agencySlug]/sops/[sopId]", scope: "agency", params: { sopId: "sopId" } },
  { kind: "page", path: "/a/[agencySlug]/sops/[sopId]/edit", scope: "agency", params: { sopId: "sopId" } },
  { kind: "page", path: "/a/[agencySlug]/sops/[sopId]/compare", scope: "agency", params: { sopId: "sopId" }, query: { with: "sopId" } },
  /** Signing: the certificate (administrator), signing and revoking (the head), the signed documents. */
  { kind: "page", path: "/a/[agencySlug]/tanda-tangan", scope: "agency" },
  /** A signed document's public verification page: no fixture is a code; any value reads "kode tidak dikenal". */
  { kind: "page", path: "/v/[code]", scope: "public" },
  { kind: "handler", path: "/api/health", scope: "public", method: "GET" },
  { kind: "handler", path: "/api/ping", scope: "public", method: "GET" },
  { kind: "handler", path: "/api/auth/[...nextauth]", scope: "public", method: "GET" },
  /** The public hash check of a signed document (multipart file, size-limited, nothing stored). */
  { kind: "handler", path: "/v/[code]/periksa", scope: "public", method: "POST" },
  { kind: "handler", path: "/a/[agencySlug]/files", scope: "agency", method: "POST", records: true },
  /**
   * The head's wet-signed scan or the LKjIP's final file (multipart, 20 MB; decision 060), one route for every kind;
   * aimed here at another agency's SOP (tests/integration/scan-upload.test.ts has the rest of the refusals).
   */
  {
    kind: "handler",
    path: "/a/[agencySlug]/tanda-tangan/unggah",
    scope: "agency",
    method: "POST",
    records: true,
    uploadForm: (f) => ({ kind: "SOP", sopId: f.sopId }),
  },
  { kind: "handler", path: "/a/[agencySlug]/logo", scope: "agency", method: "GET" },
  { kind: "handler", path: "/a/[agencySlug]/anggota/templat", scope: "agency", method: "GET" },
  { kind: "handler", path: "/a/[agencySlug]/files/[fileId]", scope: "agency", method: "GET", params: { fileId: "fileId" }, records: true },
  { kind: "handler", path: "/a/[agencySlug]/sops/[sopId]/export", scope: "agency", method: "GET", params: { sopId: "sopId" }, records: true },
  { kind: "handler", path: "/a/[agencySlug]/audit/export", scope: "agency", method: "GET", records: true },
  { kind: "handler", path: "/a/[agencySlug]/audit/sla/export", scope: "agency", method: "GET", records: true },
  { kind: "handler", path: "/a/[agencySlug]/audit/events/[eventId]", scope: "agency", method: "GET", params: { eventId: "auditEventId" } },
  { kind: "handler", path: "/a/[agencySlug]/cycles/[cycleId]/timeline/export", scope: "agency", method: "GET", params: { cycleId: "cycleId" }, records: true },
  { kind: "handler", path: "/a/[agencySlug]/cycles/[cycleId]/timeline/pdf", scope: "agency", method: "GET", params: { cycleId: "cycleId" }, records: true },
  { kind: "handler", path: "/a/[agencySlug]/cycles/[cycleId]/arsip", scope: "agency", method: "GET", params: { cycleId: "cycleId" }, records: true },
  { kind: "handler", path: "/a/[agencySlug]/kinerja/ekspor", scope: "agency", method: "GET", records: true },
  { kind: "handler", path: "/a/[agencySlug]/kinerja/laporan", scope: "agency", method: "GET", records: true },
  { kind: "handler", path: "/a/[agencySlug]/kinerja/paket", scope: "agency", method: "GET", records: true },
  { kind: "handler", path: "/a/[agencySlug]/kinerja/lkjip/unduh", scope: "agency", method: "GET", records: true },
  /** A unit's PK of a level as a PDF (?pk=<UnitAgreement id>, else the first unit PK of ?tahun=, default this year). */
  { kind: "handler", path: "/a/[agencySlug]/pohon-kinerja/pk/unduh", scope: "agency", method: "GET", records: true },
  /** The year's LKE as the evaluators' sheet (xlsx, ?tahun=). */
  { kind: "handler", path: "/a/[agencySlug]/lke/ekspor", scope: "agency", method: "GET", records: true },
];

/** Routes the build lists that belong to Next.js itself, not to the app. */
export const FRAMEWORK_ROUTES: readonly string[] = ["/_not-found", "/_global-error"];

/** A concrete URL for a route: the agency's slug and the fixtures' ids. */
export function urlFor(route: AppRoute, slug: string, ids: TenantFixtures, queryIds?: TenantFixtures): string {
  let url = route.path.replace("[agencySlug]", encodeURIComponent(slug)).replace("[...nextauth]", "session");
  for (const [segment, kind] of Object.entries(route.params ?? {})) url = url.replace(`[${segment}]`, encodeURIComponent(ids[kind]));
  if (route.kind === "page" && route.query && queryIds) {
    const search = new URLSearchParams(Object.entries(route.query).map(([key, kind]) => [key, queryIds[kind]]));
    url += `?${search}`;
  }
  return url;
}

export interface ActionEntry {
  /** `<file>#<export>`, as in the build's server reference manifest. */
  key: string;
  /** ACTION_REGISTRY name. */
  name: string;
  scope: "agency" | "platform" | "account";
  /**
   * An input aimed at another agency's records (its ids), valid for the
   * schema so the call reaches the service; null when the input names no
   * record of an agency (the action creates something in the caller's own
   * agency), with the reason.
   */
  foreign: ((f: TenantFixtures) => unknown) | { none: string };
}

const nip = "197001102000011001";

export const ACTIONS: readonly ActionEntry[] = [
  { key: "lib/agency/actions.ts#addMemberAction", name: "member.add", scope: "agency", foreign: { none: "creates a member of the caller's agency; names no record" } },
  { key: "lib/agency/actions.ts#setMemberRolesAction", name: "member.setRoles", scope: "agency", foreign: (f) => ({ userId: f.userId, roleCodes: ["ADMIN"] }) },
  { key: "lib/agency/actions.ts#setMemberActiveAction", name: "member.setActive", scope: "agency", foreign: (f) => ({ userId: f.userId, active: false }) },
  { key: "lib/member/actions.ts#updateMemberAction", name: "member.update", scope: "agency", foreign: (f) => ({ userId: f.userId, name: "Nama Asing" }) },
  { key: "lib/member/actions.ts#resetMemberPasswordAction", name: "member.resetPassword", scope: "agency", foreign: (f) => ({ userId: f.userId, mode: "link" }) },
  { key: "lib/member/actions.ts#resetMemberTwoFactorAction", name: "member.resetTwoFactor", scope: "agency", foreign: (f) => ({ userId: f.userId }) },
  { key: "lib/member/actions.ts#setTwoFactorPolicyAction", name: "agency.setTwoFactorPolicy", scope: "agency", foreign: { none: "sets the caller's agency's own requirement; names no record" } },
  { key: "lib/member/actions.ts#importMembersAction", name: "member.import", scope: "agency", foreign: { none: "imports into the caller's agency from a file; names no record" } },
  { key: "lib/role/acting-actions.ts#appointActingAction", name: "acting.appoint", scope: "agency", foreign: (f) => ({ roleId: f.roleId, userId: f.userId, kind: "PLT", startDate: "2026-01-01", endDate: "2099-12-31", decreeNumber: "SK/1/2026" }) },
  { key: "lib/role/acting-actions.ts#endActingAction", name: "acting.end", scope: "agency", foreign: { none: "no fixture is an appointment of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/agency/actions.ts#grantAuditorAction", name: "member.grantAuditor", scope: "agency", foreign: { none: "grants the caller's agency to a person by NIP; a NIP is a person, not an agency's record" } },
  { key: "lib/agency/actions.ts#createGovernmentAction", name: "platform.createGovernment", scope: "platform", foreign: () => ({ level: "KOTA", name: "Kota Percobaan" }) },
  {
    key: "lib/agency/actions.ts#createAgencyAction",
    name: "platform.createAgency",
    scope: "platform",
    foreign: (f) => ({ governmentId: f.governmentId, name: "Dinas Percobaan", slug: "dinas-percobaan", timeZone: "WIB", admin: { nip: f.userNip, credential: "link" } }),
  },
  { key: "lib/agency/actions.ts#appointAgencyAdminAction", name: "platform.appointAdmin", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId, admin: { nip: f.userNip }, replace: true }) },
  { key: "lib/agency/actions.ts#reissueAdminCredentialAction", name: "platform.reissueAdminCredential", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId, userId: f.userId, credential: "link" }) },
  { key: "lib/agency/actions.ts#updateAgencyAction", name: "platform.updateAgency", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId, name: "Dinas Percobaan", slug: "dinas-percobaan", timeZone: "WIT" }) },
  { key: "lib/agency/actions.ts#setAgencyActiveAction", name: "platform.setAgencyActive", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId, active: false }) },
  { key: "lib/agency/actions.ts#setAgencyLogoAction", name: "platform.setAgencyLogo", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId, fileName: "logo.png", fileBase64: "iVBORw0KGgo=" }) },
  { key: "lib/agency/actions.ts#removeAgencyLogoAction", name: "platform.removeAgencyLogo", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId }) },
  {
    key: "lib/auth/actions.ts#changePasswordAction",
    name: "account.changePassword",
    scope: "account",
    foreign: { none: "changes only the signed-in caller's own password; names no record of any agency" },
  },
  {
    key: "lib/auth/actions.ts#setPasswordWithTokenAction",
    name: "account.setPasswordWithToken",
    scope: "account",
    foreign: { none: "the set-password link's token is the only credential; it names no record of any agency" },
  },
  {
    key: "lib/auth/actions.ts#beginTwoFactorAction",
    name: "account.twoFactorBegin",
    scope: "account",
    foreign: { none: "starts two-factor enrolment of the signed-in caller's own account; names no record of any agency" },
  },
  {
    key: "lib/auth/actions.ts#confirmTwoFactorAction",
    name: "account.twoFactorConfirm",
    scope: "account",
    foreign: { none: "confirms the signed-in caller's own enrolment with a code; names no record of any agency" },
  },
  {
    key: "lib/auth/actions.ts#regenerateRecoveryCodesAction",
    name: "account.twoFactorRegenerate",
    scope: "account",
    foreign: { none: "replaces the signed-in caller's own recovery codes; names no record of any agency" },
  },
  {
    key: "lib/auth/actions.ts#disableTwoFactorAction",
    name: "account.twoFactorDisable",
    scope: "account",
    foreign: { none: "turns off the signed-in caller's own two-factor sign-in; names no record of any agency" },
  },
  { key: "lib/role/actions.ts#createRoleAction", name: "role.create", scope: "agency", foreign: { none: "creates a role in the caller's agency; names no record" } },
  { key: "lib/role/actions.ts#renameRoleAction", name: "role.rename", scope: "agency", foreign: (f) => ({ roleId: f.roleId, name: "Peran Percobaan" }) },
  { key: "lib/role/actions.ts#setHeadRoleAction", name: "role.setHead", scope: "agency", foreign: (f) => ({ roleId: f.roleId }) },
  { key: "lib/role/actions.ts#reorderRolesAction", name: "role.reorder", scope: "agency", foreign: (f) => ({ roleIds: [f.roleId] }) },
  { key: "lib/role/actions.ts#setRoleCapabilitiesAction", name: "role.setCapabilities", scope: "agency", foreign: (f) => ({ roleId: f.roleId, capabilities: ["realization.verify"] }) },
  { key: "lib/role/actions.ts#deleteRoleAction", name: "role.delete", scope: "agency", foreign: (f) => ({ roleId: f.roleId }) },
  { key: "lib/unit/actions.ts#createUnitAction", name: "unit.create", scope: "agency", foreign: (f) => ({ name: "Bidang Percobaan", kind: "BIDANG", parentId: f.unitId }) },
  { key: "lib/unit/actions.ts#updateUnitAction", name: "unit.update", scope: "agency", foreign: (f) => ({ unitId: f.unitId, name: "Bidang Percobaan", kind: "BIDANG" }) },
  { key: "lib/unit/actions.ts#setUnitActiveAction", name: "unit.setActive", scope: "agency", foreign: (f) => ({ unitId: f.unitId, active: false }) },
  { key: "lib/unit/actions.ts#setMemberUnitAction", name: "member.setUnit", scope: "agency", foreign: (f) => ({ userId: f.userId, unitId: f.unitId }) },
  { key: "lib/calendar/actions.ts#setOfficeHoursAction", name: "calendar.setOfficeHours", scope: "agency", foreign: { none: "sets the caller's agency's office hours; names no record" } },
  { key: "lib/calendar/actions.ts#addAgencyHolidayAction", name: "calendar.addHoliday", scope: "agency", foreign: { none: "adds a holiday to the caller's agency; names no record" } },
  { key: "lib/calendar/actions.ts#deleteAgencyHolidayAction", name: "calendar.deleteHoliday", scope: "agency", foreign: { none: "matches only the caller's agency's own holidays; national ids match nothing" } },
  { key: "lib/calendar/actions.ts#addPlatformHolidayAction", name: "platform.addHoliday", scope: "platform", foreign: { none: "national or government holidays belong to no agency" } },
  { key: "lib/calendar/actions.ts#deletePlatformHolidayAction", name: "platform.deleteHoliday", scope: "platform", foreign: { none: "national or government holidays belong to no agency" } },
  { key: "lib/agency/actions.ts#platformGrantAuditorAction", name: "platform.grantAuditor", scope: "platform", foreign: (f) => ({ agencyId: f.agencyId, nip }) },
  { key: "lib/cycle/actions.ts#startCycleAction", name: "cycle.start", scope: "agency", foreign: (f) => ({ sopId: f.sopId, year: 2027, period: "TW3" }) },
  { key: "lib/bench/actions.ts#benchEmptyAction", name: "bench.emptyAction", scope: "agency", foreign: { none: "the benchmark's empty action: names no record and changes nothing" } },
  { key: "lib/cycle/actions.ts#taskAction", name: "cycle.act", scope: "agency", foreign: (f) => ({ cycleId: f.cycleId, taskId: f.taskId, event: "APPROVE", snapshotHash: "0".repeat(64) }) },
  { key: "lib/cycle/actions.ts#sendMeetingInvitationAction", name: "cycle.invite", scope: "agency", foreign: (f) => ({ cycleId: f.cycleId, taskId: f.taskId, date: "2026-12-10", time: "09:00", place: "Ruang rapat", agenda: "Percobaan lintas instansi" }) },
  { key: "lib/cycle/actions.ts#setApprovalPolicyAction", name: "cycle.setApprovalPolicy", scope: "agency", foreign: { none: "sets the caller's agency's approval policy; names no record" } },
  { key: "lib/cycle/actions.ts#cancelCycleAction", name: "cycle.cancel", scope: "agency", foreign: (f) => ({ cycleId: f.cycleId, reason: "Percobaan lintas instansi" }) },
  { key: "lib/cycle/actions.ts#markNotificationsReadAction", name: "notification.markRead", scope: "agency", foreign: { none: "marks only the caller's own notifications; another agency's ids match nothing" } },
  { key: "lib/performance/actions.ts#saveAgreementAction", name: "performance.saveAgreement", scope: "agency", foreign: { none: "saves the caller's agency's PK; names no record" } },
  { key: "lib/performance/actions.ts#saveRealizationAction", name: "performance.saveRealization", scope: "agency", foreign: (f) => ({ indicatorId: f.indicatorId, year: 2026, quarter: 3, value: "1", submit: false }) },
  { key: "lib/performance/actions.ts#reviewRealizationAction", name: "performance.reviewRealization", scope: "agency", foreign: (f) => ({ realizationId: f.realizationId, decision: "VERIFY" }) },
  { key: "lib/performance/actions.ts#saveBudgetAction", name: "performance.saveBudget", scope: "agency", foreign: (f) => ({ programId: f.programId, quarter: 3, realization: "1000" }) },
  { key: "lib/performance/actions.ts#importAgreementAction", name: "performance.importAgreement", scope: "agency", foreign: { none: "reads an uploaded workbook into the caller's agency; names no record" } },
  { key: "lib/followup/actions.ts#createFollowUpAction", name: "followup.create", scope: "agency", foreign: (f) => ({ recommendation: "Percobaan lintas instansi", unitId: f.unitId, dueDate: "2026-12-31", cycleId: f.cycleId }) },
  { key: "lib/followup/actions.ts#closeFollowUpAction", name: "followup.close", scope: "agency", foreign: { none: "no fixture is a follow-up of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/followup/actions.ts#reopenFollowUpAction", name: "followup.reopen", scope: "agency", foreign: { none: "no fixture is a follow-up of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/cascade/actions.ts#createPeriodAction", name: "cascade.createPeriod", scope: "agency", foreign: { none: "creates a Renstra period in the caller's agency; names no record" } },
  { key: "lib/lke/actions.ts#createLkeAction", name: "lke.create", scope: "agency", foreign: { none: "opens the caller's agency's own year of the LKE; names no record" } },
  { key: "lib/lke/actions.ts#saveLkeAnswerAction", name: "lke.answer", scope: "agency", foreign: { none: "a year and a criterion code of the caller's agency's own LKE; names no record" } },
  { key: "lib/lke/actions.ts#submitLkeAction", name: "lke.submit", scope: "agency", foreign: { none: "a year of the caller's agency's own LKE; names no record" } },
  { key: "lib/lke/actions.ts#saveLkeReviewAction", name: "lke.reviewAnswer", scope: "agency", foreign: { none: "a year and a criterion code of the caller's agency's own LKE; names no record" } },
  { key: "lib/lke/actions.ts#verifyLkeAction", name: "lke.verify", scope: "agency", foreign: { none: "a year of the caller's agency's own LKE; names no record" } },
  { key: "lib/lke/actions.ts#returnLkeAction", name: "lke.return", scope: "agency", foreign: { none: "a year of the caller's agency's own LKE; names no record" } },
  { key: "lib/lke/edition-actions.ts#copyLkeEditionAction", name: "platform.copyLkeEdition", scope: "platform", foreign: { none: "LKE editions are national reference data: they belong to no agency" } },
  { key: "lib/lke/edition-actions.ts#updateLkeEditionAction", name: "platform.updateLkeEdition", scope: "platform", foreign: { none: "LKE editions are national reference data: they belong to no agency" } },
  { key: "lib/lke/edition-actions.ts#updateLkeEditionGroupAction", name: "platform.updateLkeEditionGroup", scope: "platform", foreign: { none: "LKE editions are national reference data: they belong to no agency" } },
  { key: "lib/lke/edition-actions.ts#updateLkeEditionCriterionAction", name: "platform.updateLkeEditionCriterion", scope: "platform", foreign: { none: "LKE editions are national reference data: they belong to no agency" } },
  { key: "lib/lke/actions.ts#completeLkeReviewAction", name: "lke.review", scope: "agency", foreign: { none: "a year of the caller's agency's own LKE; names no record" } },
  { key: "lib/lke/actions.ts#lockLkeAction", name: "lke.lock", scope: "agency", foreign: { none: "a year of the caller's agency's own LKE; names no record" } },
  {
    key: "lib/lke/actions.ts#createLkeFollowUpAction",
    name: "lke.followUp",
    scope: "agency",
    foreign: (f) => ({ year: 2025, criterionCode: "1.a.1", recommendation: "Percobaan lintas instansi", unitId: f.unitId, dueDate: "2026-12-31" }),
  },
  { key: "lib/cascade/actions.ts#createNodeAction", name: "cascade.createNode", scope: "agency", foreign: { none: "no fixture is a Renstra period or tree node of another agency; period, parent and unit are looked up inside the caller's agency only (tests/integration/cascade.test.ts aims at another agency's)" } },
  { key: "lib/cascade/actions.ts#updateNodeAction", name: "cascade.updateNode", scope: "agency", foreign: { none: "no fixture is a tree record of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/cascade/actions.ts#deleteNodeAction", name: "cascade.deleteNode", scope: "agency", foreign: { none: "no fixture is a tree record of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/cascade/actions.ts#saveIndicatorAction", name: "cascade.saveIndicator", scope: "agency", foreign: { none: "no fixture is a tree record of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/cascade/actions.ts#deleteIndicatorAction", name: "cascade.deleteIndicator", scope: "agency", foreign: { none: "no fixture is a tree record of another agency; the id is looked up inside the caller's agency only" } },
  { key: "lib/cascade/actions.ts#generateLevelPkAction", name: "cascade.generateLevelPk", scope: "agency", foreign: { none: "no fixture is a Renstra period of another agency; the period is looked up inside the caller's agency only (tests/integration/level-pk.test.ts aims at another agency's)" } },
  { key: "lib/cascade/actions.ts#saveActionPlanAction", name: "cascade.saveActionPlan", scope: "agency", foreign: { none: "no fixture is a unit PK row of another agency; the row is looked up inside the caller's agency only (tests/integration/level-pk.test.ts aims at another agency's)" } },
  { key: "lib/cascade/actions.ts#saveUnitRealizationAction", name: "cascade.saveUnitRealization", scope: "agency", foreign: { none: "no fixture is a unit PK row of another agency; the row is looked up inside the caller's agency only (tests/integration/level-pk.test.ts aims at another agency's)" } },
  { key: "lib/cascade/actions.ts#reviewUnitRealizationAction", name: "cascade.reviewUnitRealization", scope: "agency", foreign: { none: "no fixture is a unit PK row of another agency; the row is looked up inside the caller's agency only (tests/integration/unit-realization.test.ts aims at another agency's)" } },
  {
    key: "lib/cascade/actions.ts#proposeCrosscutAction",
    name: "cascade.proposeCrosscut",
    scope: "agency",
    // Another agency's indicator named as the caller's own, aimed at that agency's node: both are looked up inside the
    // caller's agency (the indicator) and its government (the node), so not found; tests/integration/crosscut.test.ts
    // aims at a third agency's and another government's too.
    foreign: (f) => ({ indicatorId: f.cascadeIndicatorId, targetNodeId: f.cascadeNodeId }),
  },
  {
    key: "lib/cascade/actions.ts#decideCrosscutAction",
    name: "cascade.decideCrosscut",
    scope: "agency",
    foreign: { none: "no fixture is a crosscutting link; the id is looked up only among links the caller's agency is a side of (tests/integration/crosscut.test.ts aims at a third agency's and another government's)" },
  },
  {
    key: "lib/cascade/actions.ts#endCrosscutAction",
    name: "cascade.endCrosscut",
    scope: "agency",
    foreign: { none: "no fixture is a crosscutting link; the id is looked up only among links the caller's agency is a side of (tests/integration/crosscut.test.ts aims at a third agency's and another government's)" },
  },
  { key: "lib/signing/actions.ts#uploadCertificateAction", name: "signing.uploadCertificate", scope: "agency", foreign: { none: "stores a certificate for the caller's agency; names no record" } },
  { key: "lib/signing/actions.ts#signReportAction", name: "signing.signReport", scope: "agency", foreign: { none: "signs the caller's agency's report for a period; names no record" } },
  { key: "lib/signing/actions.ts#signArchiveRecordAction", name: "signing.signArchiveRecord", scope: "agency", foreign: (f) => ({ cycleId: f.cycleId }) },
  { key: "lib/signing/actions.ts#signSopAction", name: "signing.signSop", scope: "agency", foreign: (f) => ({ sopId: f.sopId }) },
  { key: "lib/signing/actions.ts#signLkjipAction", name: "signing.signLkjip", scope: "agency", foreign: { none: "signs the caller's agency's LKjIP of a year; names no record" } },
  {
    key: "lib/signing/actions.ts#signUnitAgreementAction",
    name: "signing.signUnitAgreement",
    scope: "agency",
    foreign: { none: "no fixture is a unit PK of another agency; the PK is looked up inside the caller's agency only (tests/integration/unit-pk-sign.test.ts aims at another agency's)" },
  },
  {
    key: "lib/signing/actions.ts#revokeDocumentAction",
    name: "signing.revokeDocument",
    scope: "agency",
    foreign: { none: "no fixture is a signed document of another agency; the id is looked up inside the caller's agency only" },
  },
  { key: "lib/sop/actions.ts#createSopAction", name: "sop.create", scope: "agency", foreign: { none: "creates an SOP in the caller's agency; names no record" } },
  { key: "lib/sop/actions.ts#updateSopDraftAction", name: "sop.update", scope: "agency", foreign: (f) => ({ sopId: f.sopId, sop: {} }) },
  { key: "lib/sop/actions.ts#createSopVersionAction", name: "sop.createVersion", scope: "agency", foreign: (f) => ({ sopId: f.sopId }) },
  { key: "lib/sop/actions.ts#activateSopAction", name: "sop.activate", scope: "agency", foreign: (f) => ({ sopId: f.sopId }) },
  { key: "lib/sop/actions.ts#archiveSopAction", name: "sop.archive", scope: "agency", foreign: (f) => ({ sopId: f.sopId }) },
  { key: "lib/sop/actions.ts#importSopJsonAction", name: "sop.importJson", scope: "agency", foreign: { none: "imports an SOP into the caller's agency; names no record" } },
];

/** An input no action schema accepts (every schema is an object): the gate probe of the roles module. */
export const REJECTED_INPUT = "bukan-objek";

/** Calls an action the way its scope expects: `[slug, input]` (agency) or `[input]` (platform, account). */
export function actionArgs(entry: Pick<ActionEntry, "scope">, slug: unknown, input: unknown): unknown[] {
  return entry.scope === "agency" ? [slug, input] : [input];
}
