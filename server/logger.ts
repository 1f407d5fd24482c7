import { pino, type DestinationStream, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";

/** A 16-digit run is treated as a NIK and masked wherever it appears in a log line. */
const NIK = /\b\d{16}\b/g;
export const maskNik = (text: string): string => text.replace(NIK, "****************");

/** The same error (its class kept, for pino's serializer) with its message, stack and details masked. */
function maskError(e: Error, depth: number): Error {
  const masked = Object.create(Object.getPrototypeOf(e)) as Error;
  for (const [k, v] of Object.entries(e)) (masked as unknown as Record<string, unknown>)[k] = maskDeep(v, depth + 1);
  masked.message = maskNik(e.message);
  masked.stack = maskNik(e.stack ?? "");
  return masked;
}

/** The same masking through every string of a logged object (error messages, details). */
function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskNik(value);
  if (value instanceof Error) return maskError(value, depth);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

/**
 * One logger for the app: JSON lines (for log collectors), or readable lines when a person watches
 * a terminal (stdout is a TTY, unless LOG_FORMAT=json).
 */
export function createLogger(
  level = process.env.LOG_LEVEL ?? "info",
  format: "auto" | "json" = "auto",
  destination?: DestinationStream,
): Logger {
  const readable = !destination && process.stdout.isTTY && format === "auto";
  const stream = readable ? PinoPretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" }) : destination;
  return pino(
    {
      level,
      redact: { paths: ["nik", "*.nik", "req.headers.authorization"], censor: "[redacted]" },
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // log.error(err): pino would take the message from the error unmasked
          const [first] = args as unknown[];
          const spread = first instanceof Error && typeof args[1] !== "string" ? [{ err: first }, first.message, ...args.slice(1)] : args;
          method.apply(this, spread.map((a) => (typeof a === "string" ? maskNik(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

export type { Logger };
