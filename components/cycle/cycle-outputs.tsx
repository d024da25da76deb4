import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";

export interface CycleOutput {
  stepNumber: number;
  round: number;
  kegiatan: string;
  roleName: string;
  outputText: string | null;
  lines: string[];
  files: { id: string; name: string; href: string }[];
}

/**
 * The outputs of a cycle whose SOP does not measure performance (an Evaluasi Kinerja
 * Internal: its minutes, decisions and follow-up plan), shown where a Pengukuran Kinerja
 * cycle shows its Perjanjian Kinerja panel: the latest done round of each step that
 * produced something.
 */
export function CycleOutputs({ items }: { items: CycleOutput[] }) {
  if (items.length === 0) return null;
  return (
    <Card data-testid="cycle-outputs">
      <CardHeader>
        <CardTitle>{M.ui.outputsTitle}</CardTitle>
      </CardHeader>
      <CardBody>
        <ol className="space-y-3">
          {items.map((o) => (
            <li key={`${o.stepNumber}-${o.round}`} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
              <p className="font-medium text-slate-900">
                {M.ui.stepRound(o.stepNumber, o.round)} · {o.roleName}
              </p>
              <p className="text-xs text-slate-600">{o.kegiatan}</p>
              {o.outputText ? <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{o.outputText}</p> : null}
              {o.lines.map((line, i) => (
                <p key={i} className="mt-1 break-words whitespace-pre-wrap text-slate-700">
                  {line}
                </p>
              ))}
              {o.files.length ? (
                <ul className="mt-1 space-y-0.5" aria-label={M.ui.files}>
                  {o.files.map((f) => (
                    <li key={f.id}>
                      <a href={f.href} className="break-all text-brand-800 underline-offset-2 hover:underline">
                        {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
