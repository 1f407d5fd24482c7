import { pino, type DestinationStream, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";
import { maskNik, maskNikDeep } from "./common/nik.ts";

/** The longest string a log line carries whole: a 5 MB argument must not make a 5 MB log line. */
export const MAX_LOGGED_CHARS = 2000;
const clip = (text: string) => (text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}… (${text.length} characters)` : text);

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
      formatters: { log: (object) => maskNikDeep(object, clip) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // log.error(err): pino would take the message from the error unmasked
          const [first] = args as unknown[];
          const spread = first instanceof Error && typeof args[1] !== "string" ? [{ err: first }, first.message, ...args.slice(1)] : args;
          method.apply(this, spread.map((a) => (typeof a === "string" ? clip(maskNik(a)) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

export type { Logger };
