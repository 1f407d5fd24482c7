import { maskNik, maskNikDeep } from "./nik.ts";

/** Stable error codes, mapped to GraphQL errors in one place (server/graphql/format-error.ts). */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  FORBIDDEN = "FORBIDDEN",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  IMPORT_REJECTED = "IMPORT_REJECTED",
  /** Too much heavy work running and waiting (see heavy-work.ts). */
  BUSY = "PLANNER_BUSY",
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly argument?: string,
  ) {
    super(message);
  }
}

/** The HTTP status of an error code in the export routes' JSON errors (GraphQL answers keep their own). */
export function httpStatusOf(code: unknown): number {
  switch (code) {
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.BUSY:
      return 503;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    default:
      return 400;
  }
}

export const badInput = (argument: string, message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, argument);
export const notFound = (message: string) => new DomainError(ErrorCode.NOT_FOUND, message);

/** One problem found in an input file: where it is, and why it is wrong. */
export interface InputProblem {
  line?: number;
  feature?: string;
  column?: string;
  value?: string;
  reason: string;
}

/** An import that was refused as a whole; nothing was changed. Any NIK in its problems is masked here, before anyone shows them. */
export class ImportRejected extends DomainError {
  readonly problems: InputProblem[];

  constructor(
    readonly source: string,
    problems: InputProblem[],
  ) {
    const masked = maskNikDeep(problems) as InputProblem[];
    super(ErrorCode.IMPORT_REJECTED, maskNik(`${source}: ${problems.length} problem(s); nothing was imported.\n${formatProblems(masked)}`));
    this.problems = masked;
  }
}

export function formatProblems(problems: InputProblem[], max = 200): string {
  const lines = problems.slice(0, max).map((p) => {
    const where = [
      p.line !== undefined ? `line ${p.line}` : null,
      p.feature ? `feature ${p.feature}` : null,
      p.column ? `column ${p.column}` : null,
    ]
      .filter(Boolean)
      .join(", ");
    const value = p.value !== undefined ? ` (value "${p.value}")` : "";
    return `  - ${where || "file"}${value}: ${p.reason}`;
  });
  if (problems.length > max) lines.push(`  ... and ${problems.length - max} more`);
  return lines.join("\n");
}
