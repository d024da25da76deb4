import { isDecisionKind, ZSopInput, type TSopInput, type TSopStep } from "./schemas";

/**
 * Whole-document rules of an SOP procedure table that a single field cannot check:
 * numbering, the roles of the agency, where the decisions' "Ya"/"Tidak" go, and that
 * the flowchart runs from the first step to the last.
 */

export type TSopErrorPath = (string | number)[];
export interface TSopError {
  path: TSopErrorPath;
  message: string;
}

export type TSopValidation = { ok: true } | { ok: false; errors: TSopError[] };

export const SOP_FLOW_MESSAGES = {
  numbering: (position: number, actual: number) =>
    `Nomor langkah harus berurutan mulai dari 1: langkah ke-${position} bernomor ${actual}, seharusnya ${position}`,
  executorRequired: "Setiap langkah harus memiliki tepat satu pelaksana",
  executorAlsoParticipant: (role: string) =>
    `Setiap langkah harus memiliki tepat satu pelaksana: "${role}" sudah menjadi pelaksana, hapus dari daftar peserta`,
  unknownExecutor: (role: string) => `Pelaksana "${role}" tidak terdaftar sebagai peran di instansi ini`,
  unknownParticipant: (role: string) => `Peserta "${role}" tidak terdaftar sebagai peran di instansi ini`,
  missingTarget: (target: number) => `Langkah ${target} tidak ada dalam SOP ini`,
  noTargetRequired: (step: number) =>
    `Langkah ${step} adalah pemeriksaan/persetujuan: tentukan langkah sebelumnya yang dituju jika "Tidak"`,
  noMustGoBack: (step: number, target: number) =>
    `Alur "Tidak" pada langkah ${step} harus kembali ke langkah sebelumnya (nomor kurang dari ${step}), bukan ke langkah ${target}`,
  yesMustGoForward: (step: number, target: number) =>
    `Alur "Ya" pada langkah ${step} harus menuju langkah sesudahnya (nomor lebih dari ${step}), bukan ke langkah ${target}`,
  noOnlyForDecision: (step: number) => `Langkah ${step} bukan pemeriksaan/persetujuan, sehingga tidak boleh memiliki alur "Tidak"`,
  yesOnlyForDecision: (step: number) => `Langkah ${step} bukan pemeriksaan/persetujuan, sehingga tidak boleh memiliki alur "Ya"`,
  lastStepDecision:
    'Langkah terakhir tidak boleh berupa pemeriksaan/persetujuan karena alur "Ya" tidak memiliki langkah lanjutan. Tambahkan langkah penutup, misalnya pengarsipan.',
  unreachable: (step: number) => `Langkah ${step} tidak dapat dicapai dari langkah 1`,
  neverEnds: (step: number) => `Alur dari langkah ${step} tidak pernah sampai ke langkah terakhir`,
  waktuPositive: "Waktu harus lebih dari 0",
} as const;

/** Where the flow can go from step index `i` (0-based); targets are 0-based indices. */
function successors(steps: readonly TSopStep[], i: number): number[] {
  const step = steps[i];
  if (!step) return [];
  const next = i + 1 < steps.length ? [i + 1] : [];
  if (!isDecisionKind(step.kind)) return next;
  const out: number[] = [];
  if (step.yesStepNumber !== null) out.push(step.yesStepNumber - 1);
  else out.push(...next);
  if (step.noStepNumber !== null) out.push(step.noStepNumber - 1);
  return out.filter((t) => t >= 0 && t < steps.length);
}

export function validateSop(input: TSopInput, agencyRoleCodes: readonly string[]): TSopValidation {
  const errors: TSopError[] = [];
  const add = (path: TSopErrorPath, message: string) => errors.push({ path, message });
  const roles = new Set(agencyRoleCodes);
  const steps = input.steps;
  const n = steps.length;
  let numberingOk = true;

  steps.forEach((step, i) => {
    const at = (...rest: (string | number)[]) => ["steps", i, ...rest];

    if (step.number !== i + 1) {
      numberingOk = false;
      add(at("number"), SOP_FLOW_MESSAGES.numbering(i + 1, step.number));
    }

    const executor = step.executorRoleCode.trim();
    if (executor === "") add(at("executorRoleCode"), SOP_FLOW_MESSAGES.executorRequired);
    else if (!roles.has(executor)) add(at("executorRoleCode"), SOP_FLOW_MESSAGES.unknownExecutor(executor));

    step.participantRoleCodes.forEach((code, j) => {
      if (code === executor) add(at("participantRoleCodes", j), SOP_FLOW_MESSAGES.executorAlsoParticipant(code));
      else if (!roles.has(code)) add(at("participantRoleCodes", j), SOP_FLOW_MESSAGES.unknownParticipant(code));
    });

    if (!(Number.isFinite(step.waktuJumlah) && step.waktuJumlah > 0)) add(at("waktuJumlah"), SOP_FLOW_MESSAGES.waktuPositive);

    if (isDecisionKind(step.kind)) {
      if (step.noStepNumber === null) {
        add(at("noStepNumber"), SOP_FLOW_MESSAGES.noTargetRequired(step.number));
      } else if (step.noStepNumber >= step.number) {
        add(at("noStepNumber"), SOP_FLOW_MESSAGES.noMustGoBack(step.number, step.noStepNumber));
      } else if (step.noStepNumber < 1 || step.noStepNumber > n) {
        add(at("noStepNumber"), SOP_FLOW_MESSAGES.missingTarget(step.noStepNumber));
      }
      if (step.yesStepNumber !== null) {
        if (step.yesStepNumber <= step.number) {
          add(at("yesStepNumber"), SOP_FLOW_MESSAGES.yesMustGoForward(step.number, step.yesStepNumber));
        } else if (step.yesStepNumber > n) {
          add(at("yesStepNumber"), SOP_FLOW_MESSAGES.missingTarget(step.yesStepNumber));
        }
      }
      if (i === n - 1 && step.yesStepNumber === null) add(at("kind"), SOP_FLOW_MESSAGES.lastStepDecision);
    } else {
      if (step.noStepNumber !== null) add(at("noStepNumber"), SOP_FLOW_MESSAGES.noOnlyForDecision(step.number));
      if (step.yesStepNumber !== null) add(at("yesStepNumber"), SOP_FLOW_MESSAGES.yesOnlyForDecision(step.number));
    }
  });

  // Reachability only means something once steps are numbered 1..n (targets are step numbers).
  if (numberingOk && n > 0) {
    const reached = new Set<number>([0]);
    const queue = [0];
    while (queue.length > 0) {
      const i = queue.shift()!;
      for (const t of successors(steps, i)) {
        if (!reached.has(t)) {
          reached.add(t);
          queue.push(t);
        }
      }
    }
    steps.forEach((step, i) => {
      if (!reached.has(i)) add(["steps", i], SOP_FLOW_MESSAGES.unreachable(step.number));
    });

    // Every reachable step must be able to reach the last step (no trap loops).
    const reachesEnd = new Set<number>([n - 1]);
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < n; i++) {
        if (!reachesEnd.has(i) && successors(steps, i).some((t) => reachesEnd.has(t))) {
          reachesEnd.add(i);
          changed = true;
        }
      }
    }
    const lastIsDecision = steps[n - 1] ? isDecisionKind(steps[n - 1]!.kind) : false;
    steps.forEach((step, i) => {
      // A final decision is already reported above; don't repeat it for every step.
      if (reached.has(i) && !reachesEnd.has(i) && !lastIsDecision) add(["steps", i], SOP_FLOW_MESSAGES.neverEnds(step.number));
    });
  }

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

export type TSopParseResult =
  | { ok: true; data: TSopInput }
  | {
      ok: false;
      errors: TSopError[];
      /** Messages keyed by dotted path ("steps.6.noStepNumber"), as react-hook-form names fields. */
      fieldErrors: Record<string, string[]>;
    };

function toPath(path: readonly PropertyKey[]): TSopErrorPath {
  return path.map((key) => (typeof key === "number" ? key : String(key)));
}

function failure(errors: TSopError[]): TSopParseResult {
  const fieldErrors: Record<string, string[]> = {};
  for (const error of errors) {
    const key = error.path.join(".");
    (fieldErrors[key] ??= []).push(error.message);
  }
  return { ok: false, errors, fieldErrors };
}

const FALLBACK_MESSAGE = "Isian tidak valid";

/** Schema first, then the whole-document rules; one result shape for forms and actions. */
export function parseSopInput(raw: unknown, roleCodes: readonly string[]): TSopParseResult {
  const parsed = ZSopInput.safeParse(raw, {
    // Every message in the schema is Indonesian; this only covers shapes a form never sends.
    error: () => FALLBACK_MESSAGE,
  });
  if (!parsed.success) {
    return failure(parsed.error.issues.map((issue) => ({ path: toPath(issue.path), message: issue.message })));
  }
  const result = validateSop(parsed.data, roleCodes);
  if (!result.ok) return failure(result.errors);
  return { ok: true, data: parsed.data };
}
