import { Worker } from "node:worker_threads";
import { RequestAborted, throwIfAborted } from "../common/heavy-work.ts";
import { lockedDataDir, type Embedded } from "./embedded.ts";
import type {
  PlainError,
  PrismaTransaction,
  Reply,
  Request,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Started,
} from "./embedded-protocol.ts";
import type { QueryOptions, Sql } from "./sql.ts";

const WORKER = new URL("./embedded-worker.mjs", import.meta.url);

/** Distributes `Omit` over a union (each message keeps its own fields). */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/**
 * The error the worker reported, raised here with the same message and fields (a PostgreSQL
 * error's `code`, `detail`, `constraint`...; Prisma's DriverAdapterError keeps its name and `cause`,
 * which Prisma maps to its own errors), and this thread's stack.
 */
function raise(plain: PlainError): Error {
  const error = Object.assign(new Error(plain.message), plain.fields);
  if (plain.name === "DriverAdapterError") error.name = plain.name;
  return error;
}

/** The worker's first message: the database is open (Prisma's adapter name), or why not. */
function started(worker: Worker): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onMessage = (started: Started) => done(() => (started.started ? resolve(started.adapterName) : reject(raise(started.error))));
    const onError = (error: Error) => done(() => reject(error));
    const onExit = (code: number) =>
      done(() => reject(new Error(`the embedded database's thread stopped while opening (exit code ${code})`)));
    const done = (then: () => void) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      then();
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

/**
 * The embedded database in a worker thread (EMBEDDED_THREAD=worker, the default): the worker
 * (embedded-worker.ts) owns PGlite, whose statements run synchronously in WebAssembly for as long
 * as they take; here only their messages are handled, so the event loop stays free while a plan's
 * or an import's statements run. Same Sql and Prisma adapter as on the main thread; a transaction
 * is pinned in the worker and its statements sent to it; an abandoned request's statement is
 * refused here and skipped there if it has not started. The data directory's lock is held here.
 */
export function openEmbeddedThread(dataDir?: string, snapshot?: Blob): Promise<Embedded> {
  return lockedDataDir(dataDir, async () => {
    const bytes = snapshot ? await snapshot.arrayBuffer() : undefined;
    const worker = new Worker(WORKER, { workerData: { dataDir, snapshot: bytes }, transferList: bytes ? [bytes] : [] });
    const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
    let nextId = 1;
    let stopped: Error | null = null;
    // The worker keeps the process alive only while a statement is waited for, as PGlite on this thread did not at all.
    const hold = () => (pending.size > 0 ? worker.ref() : worker.unref());
    const stop = (error: Error) => {
      stopped ??= error;
      for (const call of pending.values()) call.reject(error);
      pending.clear();
      hold();
    };

    const adapterName = await started(worker).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    worker.on("message", (reply: Reply) => {
      const call = pending.get(reply.id);
      if (!call) return; // an abandoned request's answer
      pending.delete(reply.id);
      hold();
      if (reply.error) call.reject(raise(reply.error));
      else call.resolve(reply.value);
    });
    worker.on("error", (error) => stop(new Error(`the embedded database's thread failed: ${error.message}`)));
    worker.on("exit", (code) => stop(new Error(`the embedded database's thread stopped (exit code ${code})`)));
    hold();

    async function call<T>(request: WithoutId<Request>, signal?: AbortSignal): Promise<T> {
      if (stopped) throw stopped;
      throwIfAborted(signal);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          if (!pending.delete(id)) return;
          hold();
          worker.postMessage({ id: nextId++, op: "cancel", target: id } satisfies Request);
          reject(new RequestAborted("The client abandoned the request; its statement was not started or its answer was dropped."));
        };
        pending.set(id, {
          resolve: (value) => (signal?.removeEventListener("abort", onAbort), resolve(value as T)),
          reject: (error) => (signal?.removeEventListener("abort", onAbort), reject(error)),
        });
        signal?.addEventListener("abort", onAbort, { once: true });
        hold();
        worker.postMessage({ ...request, id });
      });
    }

    const sqlIn = (tx?: number): Sql => ({
      query: <T>(text: string, params?: unknown[], options?: QueryOptions) =>
        call<T[]>({ op: "query", text, params, ...(tx ? { tx } : {}) }, options?.signal),
      exec: (text) => call<void>({ op: "exec", text, ...(tx ? { tx } : {}) }),
      async transaction(fn) {
        if (tx) throw new Error("nested transactions are not supported");
        const opened = await call<number>({ op: "begin" });
        let value;
        try {
          value = await fn(sqlIn(opened));
        } catch (error) {
          await call({ op: "end", tx: opened, commit: false }).catch(() => undefined);
          throw error;
        }
        await call({ op: "end", tx: opened, commit: true });
        return value;
      },
    });

    const queryable = (tx?: number) => ({
      provider: "postgres" as const,
      adapterName,
      queryRaw: (query: SqlQuery) => call<SqlResultSet>({ op: "prismaQuery", query, count: false, ...(tx ? { tx } : {}) }),
      executeRaw: (query: SqlQuery) => call<number>({ op: "prismaQuery", query, count: true, ...(tx ? { tx } : {}) }),
    });
    const adapter: SqlDriverAdapter = {
      ...queryable(),
      executeScript: (script) => call<void>({ op: "prismaScript", script }),
      async startTransaction(isolationLevel): Promise<PrismaTransaction> {
        const { id, options } = await call<{ id: number; options: PrismaTransaction["options"] }>({ op: "prismaBegin", isolationLevel });
        return {
          ...queryable(id),
          options,
          commit: () => call<void>({ op: "prismaEnd", tx: id, commit: true }),
          rollback: () => call<void>({ op: "prismaEnd", tx: id, commit: false }),
        };
      },
      dispose: () => Promise.resolve(),
    };
    const prisma: SqlDriverAdapterFactory = { provider: "postgres", adapterName, connect: () => Promise.resolve(adapter) };

    return {
      sql: sqlIn(),
      prisma,
      snapshot: async () => new Blob([await call<ArrayBuffer>({ op: "snapshot" })]),
      async close() {
        if (!stopped) await call({ op: "close" });
        stop(new Error("the embedded database is closed"));
        await worker.terminate();
      },
    };
  });
}
