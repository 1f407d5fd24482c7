import { Reliability } from "../../domain/vocabulary.ts";

/** enrolled / workforce, null when there is no workforce (never clipped: above 1 is reported). */
export const rate = (enrolled: number, workforce: number): number | null => (workforce > 0 ? enrolled / workforce : null);

export const uncovered = (enrolled: number, workforce: number): number => Math.max(workforce - enrolled, 0);

/** The same rule as the coverage SQL: no workforce, small workforce, estimate, count. */
export function reliabilityOf(workforce: number, estimated: boolean, minWorkforce: number): Reliability {
  if (workforce === 0) return Reliability.NO_WORKFORCE;
  if (workforce < minWorkforce) return Reliability.SMALL_WORKFORCE;
  return estimated ? Reliability.ESTIMATE : Reliability.COUNT;
}

/** Opaque cursors: the row's position in the ordered result. */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");
export function decodeCursor(cursor: string): number | null {
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  return m ? Number(m[1]) : null;
}
