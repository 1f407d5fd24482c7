// How long the event loop was held: loaded into a server with `node --import ./scripts/event-loop-probe.mjs`
// (no production code involved). It watches the main thread's event loop with
// perf_hooks.monitorEventLoopDelay; on SIGUSR2 it prints the longest delay since the previous
// SIGUSR2 (or the start) to stderr, then starts over:
//   event-loop-probe {"seq":1,"maxMs":12.3,"p99Ms":10.8}
// `seq` counts the reports, so a reader can wait for the one it asked for (see test/support/processes.ts).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let seq = 0;
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on("SIGUSR2", () => {
    const report = { seq: ++seq, maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)) };
    histogram.reset();
    process.stderr.write(`event-loop-probe ${JSON.stringify(report)}\n`);
  });
}
