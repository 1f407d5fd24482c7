// Declared validation for GraphQL Args and Input classes (class-validator, which type-graphql runs
// before a resolver): one decorator per rule, the bound from domain/bounds.ts, one message naming
// the argument. server/graphql/format-error.ts turns a failure into BAD_USER_INPUT with that name.
import {
  ArrayMinSize,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  validateOrReject,
  type ValidationArguments,
  type ValidationError,
} from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import type { Bound } from "../../domain/bounds.ts";

/** The argument a failed rule names (kept in the constraint's context). */
export interface ArgumentContext {
  argument: string;
}

const both =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** min <= value <= max; `optional`: null or omitted passes. */
export function InRange([min, max]: Bound, argument: string, options: { optional?: boolean } = {}): PropertyDecorator {
  const context: ArgumentContext = { argument };
  const message = (a: ValidationArguments) => `${argument} must be between ${min} and ${max} (got ${a.value}).`;
  const rules = [Min(min, { message, context }), Max(max, { message, context })];
  return both(...(options.optional ? [IsOptional(), ...rules] : rules));
}

/** At least `min`; `optional`: null or omitted passes. */
export function AtLeast(min: number, argument: string, options: { optional?: boolean } = {}): PropertyDecorator {
  const rule = Min(min, { message: (a) => `${argument} must be at least ${min} (got ${a.value}).`, context: { argument } });
  return options.optional ? both(IsOptional(), rule) : rule;
}

/** A list with at least one element. */
export function NotEmpty(argument: string, what: string): PropertyDecorator {
  return both(
    ValidateIf((_, v) => v !== undefined && v !== null),
    ArrayMinSize(1, { message: `${argument} is empty: name at least one ${what}.`, context: { argument } }),
  );
}

/**
 * Runs an argument's declared rules, as type-graphql's own `validate` does (missing properties
 * skipped, unknown values allowed; an object or each object of a list), with class-validator loaded
 * once: type-graphql's default loads it with `import()` for every validated argument, a trip to the
 * module loader (with tsx, to its hooks thread) on every request.
 */
export async function validateArgument(value: unknown): Promise<void> {
  const objects = (Array.isArray(value) ? value : [value]).filter((v): v is object => v !== null && typeof v === "object");
  try {
    await Promise.all(objects.map((o) => validateOrReject(o, { skipMissingProperties: true, forbidUnknownValues: false })));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}
