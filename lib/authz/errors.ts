import { t } from "@/lib/i18n";

/** Errors a user may see: each carries its Indonesian message. Anything else is unexpected. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID",
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFoundError = (message: string = t.errors.notFound) => new AppError(message, "NOT_FOUND");
export const forbiddenError = (message: string = t.errors.forbidden) => new AppError(message, "FORBIDDEN");
export const conflictError = (message: string = t.errors.conflict) => new AppError(message, "CONFLICT");
export const invalidError = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError(message, "INVALID", fieldErrors);
