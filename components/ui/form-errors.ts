/**
 * An action's refusal onto a react-hook-form form: each field error at its
 * field, and the refusal's message at the top unless a field already says it.
 */
export function applyErrors<T extends Record<string, unknown>>(
  setError: (name: keyof T | "root", error: { message?: string }) => void,
  result: { error: string; fieldErrors?: Record<string, string[]> },
) {
  const fieldMessages = Object.entries(result.fieldErrors ?? {});
  for (const [field, messages] of fieldMessages) setError(field as keyof T, { message: messages[0] });
  if (!fieldMessages.some(([, messages]) => messages.includes(result.error))) setError("root", { message: result.error });
}
