import { Badge } from "@/components/ui/badge";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";

export type TSopStatus = keyof typeof M.status;

const TONES = {
  DRAFT: "warning",
  ACTIVE: "success",
  SUPERSEDED: "neutral",
  ARCHIVED: "neutral",
} as const satisfies Record<TSopStatus, "warning" | "success" | "neutral">;

/** The status of one SOP version, always as text (colour only reinforces it). */
export function SopStatusBadge({ status, className }: { status: TSopStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className} data-status={status}>
      {M.status[status]}
    </Badge>
  );
}
