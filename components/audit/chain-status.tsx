import { ShieldAlert, ShieldCheck } from "@/components/ui/icons";
import type { ChainReport } from "@/lib/audit/chain";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";

/** The verdict on the agency's chain, in words first (colour and icon only repeat it). */
export function ChainStatus({ report, checkedAt }: { report: ChainReport; checkedAt: string }) {
  const ok = report.ok;
  const Icon = ok ? ShieldCheck : ShieldAlert;
  const headline = report.ok
    ? M.verify.ok(formatNumber(report.events))
    : report.brokenAt
      ? M.verify.broken(report.brokenAt.id, report.brokenAt.seq, report.reason)
      : M.verify.brokenNoRow(report.reason);
  return (
    <div
      role={ok ? "status" : "alert"}
      data-testid="chain-status"
      data-ok={ok ? "true" : "false"}
      className={cn(
        "flex gap-4 rounded-lg border-2 px-5 py-5 sm:px-6",
        ok ? "border-green-600 bg-green-50 text-green-950" : "border-red-700 bg-red-50 text-red-950",
      )}
    >
      <Icon aria-hidden className={cn("mt-0.5 size-10 shrink-0", ok ? "text-green-700" : "text-red-700")} />
      <div className="min-w-0 space-y-1.5">
        <p className="text-xl font-semibold break-words">{headline}</p>
        <p className="text-sm">{M.verify.checkedAt(checkedAt)}</p>
        {report.pending > 0 ? <p className="text-sm" data-testid="chain-pending">{M.verify.pending(formatNumber(report.pending))}</p> : null}
        {report.ok && report.legacy > 0 ? <p className="text-sm">{M.verify.legacy(report.legacy)}</p> : null}
        {!report.ok ? <p className="text-sm font-medium">{M.verify.brokenHint}</p> : null}
        <p className="font-mono text-xs opacity-75">{M.verify.chainKey(report.chainKey)}</p>
      </div>
    </div>
  );
}
