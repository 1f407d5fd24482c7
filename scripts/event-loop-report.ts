import type { ChildProcess } from "node:child_process";

/** Node arguments that load the event-loop probe (scripts/event-loop-probe.mjs) into a server. */
export const EVENT_LOOP_PROBE_ARGS = ["--import", new URL("./event-loop-probe.mjs", import.meta.url).href];

export interface EventLoopProbe {
  /** The longest the server's event loop was held (ms) since the previous call, or since it started. */
  longestHold(): Promise<number>;
}

/** Reads the probe's reports from a server started with EVENT_LOOP_PROBE_ARGS and its stderr piped. */
export function readEventLoopProbe(child: ChildProcess, timeoutMs = 60_000): EventLoopProbe {
  const reports = new Map<number, number>();
  const waiting = new Map<number, (maxMs: number) => void>();
  let text = "";
  let asked = 0;
  child.stderr!.on("data", (chunk: Buffer) => {
    text += chunk.toString();
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n")) {
      const match = /event-loop-probe (\{.*\})/.exec(text.slice(0, end));
      text = text.slice(end + 1);
      if (!match) continue;
      const report = JSON.parse(match[1]!) as { seq: number; maxMs: number };
      reports.set(report.seq, report.maxMs);
      waiting.get(report.seq)?.(report.maxMs);
    }
  });
  return {
    longestHold() {
      const seq = ++asked;
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the event-loop probe did not report within ${timeoutMs} ms`)), timeoutMs);
        waiting.set(seq, (maxMs) => (clearTimeout(timer), waiting.delete(seq), resolve(maxMs)));
        if (reports.has(seq)) waiting.get(seq)!(reports.get(seq)!);
        child.kill("SIGUSR2");
      });
    },
  };
}
