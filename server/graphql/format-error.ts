import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ArgumentValidationError } from "type-graphql";
import type { ValidationError } from "class-validator";
import type { ArgumentContext } from "../common/validation.ts";
import { DomainError, ErrorCode, ImportRejected } from "../common/errors.ts";
import { maskNikDeep } from "../common/nik.ts";

function extensionsFor(code: ErrorCode, argument?: string): Record<string, unknown> {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
      return { code, argumentName: argument };
    case ErrorCode.NOT_FOUND:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.BUSY:
      return { code };
    case ErrorCode.IMPORT_REJECTED:
      return { code: ErrorCode.BAD_USER_INPUT, argumentName: argument ?? "file" };
  }
}

/** Each failed rule's messages and the argument it names (its declared name, else its path). */
function failures(errors: readonly ValidationError[], prefix = ""): { argument: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const path = `${prefix}${e.property}`;
    const rules = Object.keys(e.constraints ?? {});
    const declared = rules.map((r) => (e.contexts?.[r] as ArgumentContext | undefined)?.argument).find(Boolean);
    const own = rules.length > 0 ? [{ argument: declared ?? path, messages: Object.values(e.constraints!) }] : [];
    return [...own, ...failures(e.children ?? [], `${path}.`)];
  });
}

/**
 * Maps every error to a stable code: domain errors keep theirs, argument validation becomes
 * BAD_USER_INPUT naming the argument, anything unexpected is INTERNAL_SERVER_ERROR without
 * internals (never a database message, which could hold data). Any NIK in what is sent (message,
 * problems, a GraphQL validation message echoing a variable) is masked.
 */
export const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
  maskNikDeep(classify(formatted, error)) as GraphQLFormattedError;

function classify(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let original = unwrapResolverError(error);
  if (original instanceof GraphQLError && original.originalError) original = original.originalError;
  if (original instanceof ImportRejected) {
    // Every problem, also past the message's first 200.
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...extensionsFor(original.code, "files"), problems: original.problems },
    };
  }
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: extensionsFor(original.code, original.argument),
    };
  }
  if (original instanceof ArgumentValidationError) {
    const failed = failures(original.extensions.validationErrors);
    return {
      message: failed.flatMap((f) => f.messages).join("; ") || "Argument validation failed.",
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: failed[0]?.argument },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && code !== "INTERNAL_SERVER_ERROR") return formatted;
  if (error instanceof GraphQLError && !error.originalError) return formatted;
  return { message: "Internal server error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
