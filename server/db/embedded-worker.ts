// The embedded database's worker thread (EMBEDDED_THREAD=worker, see embedded-thread.ts): owns the
// PGlite instance, so its statements (each one synchronous WebAssembly) never hold the server's event
// loop. Loaded through embedded-worker.mjs (which makes sure TypeScript can be loaded here).
import { parentPort, workerData } from "node:worker_threads";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPglite } from "./embedded.ts";
import type { Sql } from "./sql.ts";
import type {
  IsolationLevel,
  PlainError,
  PrismaTransaction as Transaction,
  Reply,
  Request,
  SqlDriverAdapter,
  SqlQuery,
  Started,
} from "./embedded-protocol.ts";

const port = parentPort!;
const { dataDir, snapshot } = workerData as { dataDir?: string; snapshot?: ArrayBuffer };

/** An error as plain data: the main thread raises an Error with the same message and fields (code, detail, cause...). */
function plain(error: unknown): PlainError {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e))
    if (value === null || ["string", "number", "boolean", "object"].includes(typeof value)) fields[key] = value;
  if ("cause" in e && e.cause !== undefined) fields.cause = e.cause;
  return { message: e.message, name: e.name, fields: structuredCloneable(fields) };
}

/** Drops what cannot cross to the main thread (functions, class instances with them). */
function structuredCloneable(fields: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(fields);
  } catch {
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v !== "object" || v === null));
  }
}

/** A deferred end of a transaction: resolved to commit, rejected to roll back. */
interface Open<T> {
  handle: T;
  end(commit: boolean): void;
  done: Promise<void>;
}

function holdOpen<T>(start: (run: (handle: T) => Promise<void>) => Promise<unknown>): Promise<Open<T>> {
  return new Promise((resolveOpen, rejectOpen) => {
    let end!: (commit: boolean) => void;
    const ended = new Promise<void>((ok, rollBack) => (end = (commit) => (commit ? ok() : rollBack(new RolledBack()))));
    const done = start(async (handle) => {
      resolveOpen({ handle, end, done });
      await ended;
    }).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      },
    );
    done.catch(rejectOpen); // failed before it opened
  });
}

class RolledBack extends Error {}

async function main() {
  const { pglite, sql } = await createPglite(dataDir, snapshot ? new Blob([snapshot]) : undefined);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma: SqlDriverAdapter = await adapterFactory.connect();
  const transactions = new Map<number, Open<Sql>>();
  const prismaTransactions = new Map<number, Transaction>();
  let nextTx = 1;
  /** Statements (and transactions) outside a transaction start one after another, so a cancelled one can be skipped before it starts. */
  let turn: Promise<unknown> = Promise.resolve();
  /** Requests waiting for their turn; a cancelled one is taken out and never starts. */
  const waiting = new Set<number>();
  const inTurn = <T>(id: number, work: () => Promise<T>): Promise<T> => {
    waiting.add(id);
    const run = turn.then(() => {
      if (!waiting.delete(id)) throw new Error("cancelled before it started");
      return work();
    });
    turn = run.catch(() => undefined);
    return run;
  };
  const txOf = (id: number | undefined) => {
    if (id === undefined) return sql;
    const open = transactions.get(id);
    if (!open) throw new Error(`transaction ${id} is not open`);
    return open.handle;
  };
  const prismaOf = (id: number | undefined) => {
    if (id === undefined) return prisma;
    const tx = prismaTransactions.get(id);
    if (!tx) throw new Error(`Prisma transaction ${id} is not open`);
    return tx;
  };

  async function handle(request: Request): Promise<unknown> {
    switch (request.op) {
      case "query":
        return request.tx === undefined
          ? inTurn(request.id, () => sql.query(request.text, request.params))
          : txOf(request.tx).query(request.text, request.params);
      case "exec":
        return request.tx === undefined ? inTurn(request.id, () => sql.exec(request.text)) : txOf(request.tx).exec(request.text);
      case "begin": {
        // The turn stays taken until the transaction ends: PGlite runs nothing else meanwhile anyway.
        const tx = await new Promise<Open<Sql>>((opened, failed) => {
          inTurn(request.id, async () => {
            const open = await holdOpen<Sql>((run) => sql.transaction(run));
            opened(open);
            await open.done; // its outcome is the answer to "end"
          }).catch(failed);
        });
        const id = nextTx++;
        transactions.set(id, tx);
        return id;
      }
      case "end": {
        const tx = transactions.get(request.tx);
        if (!tx) throw new Error(`transaction ${request.tx} is not open`);
        transactions.delete(request.tx);
        tx.end(request.commit);
        return tx.done;
      }
      case "cancel":
        waiting.delete(request.target);
        return undefined;
      case "prismaQuery":
        return request.count
          ? prismaOf(request.tx).executeRaw(request.query as SqlQuery)
          : prismaOf(request.tx).queryRaw(request.query as SqlQuery);
      case "prismaScript":
        return prisma.executeScript(request.script);
      case "prismaBegin": {
        const tx = await prisma.startTransaction(request.isolationLevel as IsolationLevel);
        const id = nextTx++;
        prismaTransactions.set(id, tx);
        return { id, options: tx.options };
      }
      case "prismaEnd": {
        const tx = prismaOf(request.tx) as Transaction;
        prismaTransactions.delete(request.tx);
        return request.commit ? tx.commit() : tx.rollback();
      }
      case "snapshot": {
        const bytes = await (await pglite.dumpDataDir("none")).arrayBuffer();
        return bytes;
      }
      case "close":
        await pglite.close();
        return undefined;
    }
  }

  port.on("message", (request: Request) => {
    handle(request).then(
      (value) => {
        const reply: Reply = { id: request.id, value };
        port.postMessage(reply, value instanceof ArrayBuffer ? [value] : []);
        if (request.op === "close") port.close();
      },
      (error: unknown) => port.postMessage({ id: request.id, error: plain(error) } satisfies Reply),
    );
  });
  port.postMessage({ started: true, adapterName: adapterFactory.adapterName } satisfies Started);
}

main().catch((error: unknown) => port.postMessage({ started: false, error: plain(error) } satisfies Started));
