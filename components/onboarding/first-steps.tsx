import Link from "next/link";

import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { CheckCircle2, Circle } from "@/components/ui/icons";
import { FIRST_STEP_MESSAGES as M, type TFirstStep } from "@/lib/onboarding/checklist";

/** The administrator's checklist on a new agency's home, with progress; gone once every step is done. */
export function FirstSteps({ agencySlug, steps }: { agencySlug: string; steps: TFirstStep[] }) {
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  return (
    <Card aria-labelledby="first-steps-title" data-testid="first-steps">
      <CardHeader>
        <CardTitle id="first-steps-title">{M.title}</CardTitle>
        <p className="text-sm text-slate-600">{M.intro}</p>
      </CardHeader>
      <CardBody className="space-y-4">
        <div>
          <p className="text-sm font-medium text-slate-800" data-testid="first-steps-progress">
            {M.progress(done, steps.length)}
          </p>
          <div
            role="progressbar"
            aria-label={M.title}
            aria-valuemin={0}
            aria-valuemax={steps.length}
            aria-valuenow={done}
            aria-valuetext={M.progress(done, steps.length)}
            className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-700" style={{ width: `${(done / steps.length) * 100}%` }} />
          </div>
        </div>
        <ol className="divide-y divide-slate-200">
          {steps.map((s, i) => (
            <li key={s.key} className="flex items-start gap-3 py-3" data-testid={`first-step-${s.key}`} data-done={s.done}>
              {s.done ? (
                <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-green-700" />
              ) : (
                <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-400" />
              )}
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {i + 1}. {s.title} <span className="sr-only">({s.done ? M.done : M.todo})</span>
                </p>
                <p className="text-sm text-slate-600">{s.hint}</p>
              </div>
              {s.done ? (
                <span className="shrink-0 text-sm font-medium text-green-800" aria-hidden>
                  {M.done}
                </span>
              ) : (
                <Link href={`/a/${agencySlug}${s.href}`} className="inline-flex min-h-10 shrink-0 items-center text-sm font-medium text-brand-700 hover:underline">
                  {M.open}
                  <span className="sr-only">: {s.title}</span> →
                </Link>
              )}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
