"use client";

import { Check } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import type { TPasteGuess } from "@/lib/sop/paste-import";
import { STEP_KIND_LABELS, STEP_KINDS, type TStepKind } from "@/lib/sop/schemas";

/** The administrator's answer to one guess: accepted as is, or corrected to a value. */
export type TGuessAnswer = { accepted: true } | { value: string };

export const guessKey = (g: Pick<TPasteGuess, "stepNumber" | "field">) => `${g.stepNumber}:${g.field}`;

/**
 * The guesses the paste import made about one step, each with the words that led to it,
 * accepted or corrected in one click: "Terima", or pick the right value in the list.
 * The executor's correction is the step's executor picker (`executorSelectId`), which
 * "Koreksi" focuses.
 */
export function PasteGuesses({
  stepNumber,
  guesses,
  answers,
  roleName,
  executorSelectId,
  onAnswer,
}: {
  stepNumber: number;
  guesses: readonly TPasteGuess[];
  answers: Readonly<Record<string, TGuessAnswer>>;
  roleName: (code: string) => string;
  executorSelectId: string;
  onAnswer: (guess: TPasteGuess, answer: TGuessAnswer) => void;
}) {
  if (guesses.length === 0) return null;
  const show = (g: TPasteGuess, value: string) =>
    g.field === "executorRoleCode" ? roleName(value) : g.field === "kind" ? STEP_KIND_LABELS[value as TStepKind] : M.guessStep(Number(value));
  return (
    <div className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="paste-guesses">
      <p className="font-medium text-sky-950">{M.guessesTitle}</p>
      <ul className="mt-1 space-y-2">
        {guesses.map((g) => {
          const answer = answers[guessKey(g)];
          const selectId = `guess-${stepNumber}-${g.field}`;
          const label = M.guessField[g.field];
          return (
            <li key={g.field} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid={`guess-${g.field}`}>
              <span className="min-w-0 flex-1 basis-56">
                <span className="text-slate-700">{label}: </span>
                <strong data-testid="guess-value">{show(g, g.value)}</strong>{" "}
                <span className="text-slate-600" data-testid="guess-because">
                  ({M.guessBecause(g.because)})
                </span>
              </span>
              {answer && "accepted" in answer ? (
                <Badge tone="success">
                  <Check aria-hidden className="size-3" /> {M.guessAccepted}
                </Badge>
              ) : answer ? (
                <Badge tone="info">{M.guessCorrected}</Badge>
              ) : (
                <Button type="button" size="sm" variant="secondary" onClick={() => onAnswer(g, { accepted: true })}>
                  {M.guessAccept}
                </Button>
              )}
              {g.field === "executorRoleCode" ? (
                <Button type="button" size="sm" variant="ghost" onClick={() => document.getElementById(executorSelectId)?.focus()}>
                  {M.guessCorrectExecutor}
                </Button>
              ) : (
                <Select
                  id={selectId}
                  aria-label={M.guessCorrect(label, stepNumber)}
                  className="w-auto"
                  value={answer && "value" in answer ? answer.value : g.value}
                  onChange={(e) => onAnswer(g, e.target.value === g.value ? { accepted: true } : { value: e.target.value })}
                >
                  {g.field === "kind"
                    ? STEP_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {STEP_KIND_LABELS[k]}
                        </option>
                      ))
                    : Array.from({ length: Math.max(0, stepNumber - 1) }, (_, i) => String(i + 1)).map((n) => (
                        <option key={n} value={n}>
                          {M.guessStep(Number(n))}
                        </option>
                      ))}
                </Select>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
