// Messages between the main thread (embedded-thread.ts) and the embedded database's worker (embedded-worker.ts).

/** `tx`: the transaction a statement runs in (an id from "begin"); none = on its own. */
export type Request = { id: number } & (
  | { op: "query"; text: string; params?: unknown[]; tx?: number }
  | { op: "exec"; text: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  /** The request `target` was abandoned: skipped if it has not started. */
  | { op: "cancel"; target: number }
  | { op: "prismaQuery"; query: unknown; count: boolean; tx?: number }
  | { op: "prismaScript"; script: string }
  | { op: "prismaBegin"; isolationLevel?: string }
  | { op: "prismaEnd"; tx: number; commit: boolean }
  | { op: "snapshot" }
  | { op: "close" }
);

/** An error as plain data (see embedded-worker.ts `plain`). */
export interface PlainError {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

export interface Reply {
  id: number;
  value?: unknown;
  error?: PlainError;
}

/** The worker's first message: the database is open, or why not. */
export type Started = { started: true; adapterName: string } | { started: false; error: PlainError };

/** Prisma's driver-adapter types (not exported by name from @prisma/client). */
export type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
export type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;
export type PrismaTransaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
export type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];
export type SqlResultSet = Awaited<ReturnType<SqlDriverAdapter["queryRaw"]>>;
export type IsolationLevel = Parameters<SqlDriverAdapter["startTransaction"]>[0];
