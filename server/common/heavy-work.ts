import pLimit, { type LimitFunction } from "p-limit";
import { DomainError, ErrorCode } from "./errors.ts";

/** The heavy work queue is full: HTTP 503 with PLANNER_BUSY; the client may retry shortly. */
export class BusyError extends DomainError {
  readonly extensions = { http: { status: 503, headers: new Map([["retry-after", "5"]]) } };
  constructor(what: string, running: number, waiting: number) {
    super(ErrorCode.BUSY, `The server is busy with ${running} ${what} (and ${waiting} waiting): try again in a few seconds.`);
  }
}

/** The request was abandoned by its client: its work stops (not reported to anyone). */
export class RequestAborted extends Error {}

/**
 * Bounded concurrency for heavy work (planning, budget views): at most `concurrency` at once, at
 * most `queue` waiting, anything more refused with BusyError at once. Work whose request was
 * abandoned while it waited never starts.
 */
export class HeavyWork {
  private readonly limit: LimitFunction;
  /**
   * `pauseMs`: a pause before each statement of heavy work, so that other requests' several steps
   * (HTTP, parsing, their own statements) get event-loop turns in between, where the database runs
   * each statement on this thread, blocking everything else while it runs (Database.blocksEventLoop).
   */
  constructor(
    readonly concurrency: number,
    readonly queue: number,
    readonly pauseMs = 0,
  ) {
    this.limit = pLimit(concurrency);
  }

  /** Waits `pauseMs` (none unless the database blocks the event loop). */
  pause(): Promise<void> {
    return this.pauseMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.pauseMs)) : Promise.resolve();
  }

  run<T>(what: string, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.queue) return Promise.reject(new BusyError(what, this.limit.activeCount, this.limit.pendingCount));
    return this.limit(() => {
      throwIfAborted(signal);
      return fn();
    });
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RequestAborted("The client abandoned the request.");
}

/** A turn of the event loop (timers and pending I/O first). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Paces a long loop on the event loop's thread (an import's rows: parsing, checks, hashing, all
 * synchronous while the rows are already in memory): `await pace.turn()` in each round gives the
 * event loop a turn once `ms` have passed since the last one, so the loop never holds it for much
 * longer than `ms`, whatever one round costs.
 */
export class Pacer {
  private since = performance.now();
  constructor(private readonly ms = 20) {}

  async turn(): Promise<void> {
    if (performance.now() - this.since < this.ms) return;
    await nextTurn();
    this.since = performance.now();
  }
}
