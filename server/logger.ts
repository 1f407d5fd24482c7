import { pino, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";

/** A 16-digit run is treated as a NIK and masked wherever it appears in a log line. */
const NIK = /\b\d{16}\b/g;
export const maskNik = (text: string): string => text.replace(NIK, "****************");

/**
 * One logger for the app: JSON lines (for log collectors), or readable lines when a person watches
 * a terminal (stdout is a TTY, unless LOG_FORMAT=json).
 */
export function createLogger(level = process.env.LOG_LEVEL ?? "info", format: "auto" | "json" = "auto"): Logger {
  const readable = process.stdout.isTTY && format === "auto";
  const stream = readable ? PinoPretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" }) : undefined;
  return pino({
    level,
    redact: { paths: ["nik", "*.nik", "req.headers.authorization"], censor: "[redacted]" },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? maskNik(a) : a)) as Parameters<typeof method>);
      },
    },
  }, stream);
}

export type { Logger };
