import { pino, type Logger } from "pino";

/** A 16-digit run is treated as a NIK and masked wherever it appears in a log line. */
const NIK = /\b\d{16}\b/g;
export const maskNik = (text: string): string => text.replace(NIK, "****************");

export function createLogger(level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    redact: { paths: ["nik", "*.nik", "req.headers.authorization"], censor: "[redacted]" },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? maskNik(a) : a)) as Parameters<typeof method>);
      },
    },
  });
}

export type { Logger };
