import type { z } from "zod";
/** One error type for expected failures, mapped to HTTP statuses by routes and to messages by actions. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** A heading for pages that show the error to a person (the install gateway's pages). */
    readonly title?: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return ERROR_STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (what = "This item") => new AppError("NOT_FOUND", `${what} was not found`);
export const forbidden = (message = "Your role does not allow this") => new AppError("FORBIDDEN", message);

/** Field path → what is wrong with it, as forms show it inline. */
export type FieldProblems = Record<string, string>;

/** Path → first message, e.g. `{ "features.0.name": "Name is required" }`. */
export function problemsOf(error: z.ZodError): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    problems[key] ??= issue.message;
  }
  return problems;
}
