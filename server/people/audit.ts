// The audit log: who did what, when and from where. Every NIK-like value is masked before it is
// written; long values (an uploaded file) are replaced by their length.
import type { Database } from "../db/database.ts";
import { maskNikDeep } from "../common/nik.ts";
import type { Viewer } from "./roles.ts";

export type AuditAction = "sign-in" | "sign-out" | "mutation" | "import" | "export" | "plan" | "account";
export type AuditOutcome = "ok" | "refused" | "failed" | "limited";

export interface AuditEntry {
  action: AuditAction;
  target?: string | null;
  outcome: AuditOutcome;
  detail?: unknown;
  ip?: string | null;
}

const MAX_VALUE = 200;

/** Arguments fit for the log: strings longer than 200 characters become "<N characters>", NIKs masked. */
export function summarize(value: unknown): unknown {
  if (typeof value === "string") return value.length > MAX_VALUE ? `<${value.length} characters>` : value;
  if (Array.isArray(value)) return value.map(summarize);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarize(v)]));
  return value;
}

export async function audit(db: Database, viewer: Pick<Viewer, "name" | "role">, entry: AuditEntry): Promise<void> {
  await db.prisma.auditLog.create({
    data: {
      actor: viewer.name,
      role: viewer.role,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome,
      detail: entry.detail === undefined ? undefined : (maskNikDeep(summarize(entry.detail)) as object),
      ip: entry.ip ?? null,
    },
  });
}

/** Entries older than `days`, deleted; how many. */
export async function pruneAudit(db: Database, days: number): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000);
  return (await db.prisma.auditLog.deleteMany({ where: { at: { lt: before } } })).count;
}

export interface AuditFilter {
  actor?: string | null;
  action?: string | null;
  outcome?: string | null;
  from?: Date | null;
  to?: Date | null;
  first: number;
}

export async function auditEntries(db: Database, filter: AuditFilter) {
  const rows = await db.prisma.auditLog.findMany({
    where: {
      actor: filter.actor ?? undefined,
      action: filter.action ?? undefined,
      outcome: filter.outcome ?? undefined,
      at: { gte: filter.from ?? undefined, lte: filter.to ?? undefined },
    },
    orderBy: { id: "desc" },
    take: filter.first,
  });
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Failed sign-ins in the window, for this login and from this address. */
export async function recentFailures(db: Database, login: string, ip: string | undefined, windowMinutes: number) {
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const failed = { action: "sign-in", outcome: { in: ["failed", "limited"] }, at: { gte: since } };
  const [byLogin, byIp] = await Promise.all([
    db.prisma.auditLog.count({ where: { ...failed, target: login } }),
    ip ? db.prisma.auditLog.count({ where: { ...failed, ip } }) : Promise.resolve(0),
  ]);
  return { byLogin, byIp };
}
