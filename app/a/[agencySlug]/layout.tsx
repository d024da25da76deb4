import { AgencyShell } from "@/components/layout/agency-shell";
import { Alert } from "@/components/ui/alert";
import { AGENCY_MESSAGES } from "@/lib/agency/messages";
import { requireAgencyShellContext, unreadCountFromFrame } from "@/lib/authz/context";
import { countUnreadNotifications } from "@/lib/cycle/queries";
import { CASCADE_MESSAGES } from "@/lib/cascade/messages";
import { FOLLOWUP_MESSAGES } from "@/lib/followup/messages";
import { LKE_MESSAGES } from "@/lib/lke/messages";
import { t } from "@/lib/i18n";
import { actingTitle } from "@/lib/role/acting";

export default async function AgencyLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ agencySlug: string }>;
}) {
  const { agencySlug } = await params;
  // Members, and a platform administrator's oversight (the page decides what they may see, and records it).
  const ctx = await requireAgencyShellContext(agencySlug);
  const base = `/a/${ctx.agency.slug}`;
  const administration = { href: `${base}/anggota`, label: t.nav.members, also: [`${base}/peran`, `${base}/unit`, `${base}/jam-kerja`] };
  if (ctx.oversight) {
    return (
      <AgencyShell
        agency={ctx.agency}
        user={ctx.user}
        roleNames={[t.nav.platformAdmin]}
        otherAgencies={[]}
        nav={[administration]}
        notice={<Alert tone="info">{AGENCY_MESSAGES.oversightBanner}</Alert>}
      >
        {children}
      </AgencyShell>
    );
  }
  // Counted in the session check's own statement on an agency path (lib/authz/context.ts); counted here otherwise.
  const unread = (await unreadCountFromFrame(ctx.user.id, ctx.agency.id)) ?? (await countUnreadNotifications(ctx.user.id, ctx.agency.id));
  const nav = [
    { href: base, label: t.nav.dashboard },
    { href: `${base}/cycles`, label: t.nav.cycles },
    { href: `${base}/kinerja`, label: t.nav.performance },
    { href: `${base}/pohon-kinerja`, label: CASCADE_MESSAGES.nav },
    { href: `${base}/tindak-lanjut`, label: FOLLOWUP_MESSAGES.nav },
    ...(ctx.can("lke.view") ? [{ href: `${base}/lke`, label: LKE_MESSAGES.ui.nav }] : []),
    { href: `${base}/sops`, label: t.nav.sops },
    { href: `${base}/notifikasi`, label: unread ? `${t.nav.notifications} (${unread})` : t.nav.notifications },
    ...(ctx.can("member.view") ? [administration] : []),
    ...(ctx.can("audit.view") ? [{ href: `${base}/audit`, label: t.nav.audit }] : []),
    ...(ctx.can("document.sign") || ctx.can("signing.certificate") ? [{ href: `${base}/tanda-tangan`, label: "Tanda tangan" }] : []),
  ];
  return (
    <AgencyShell
      agency={ctx.agency}
      user={ctx.user}
      roleNames={ctx.roles.map((r) => (r.acting ? actingTitle(r.acting.kind, r.name) : r.name))}
      otherAgencies={ctx.user.agencies.filter((a) => a.slug !== ctx.agency.slug)}
      nav={nav}
    >
      {children}
    </AgencyShell>
  );
}
