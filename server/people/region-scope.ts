import { DomainError, ErrorCode } from "../common/errors.ts";
import type { Viewer } from "./roles.ts";

/** Whether a region code is one of `scope` or inside one (codes are dotted: 35.26.05.2013 is inside 35.26). */
export const insideAny = (code: string, scope: readonly string[]): boolean => scope.some((s) => code === s || code.startsWith(`${s}.`));

/**
 * Where the requester may plan and change sessions: everywhere, or (a planner) only inside its
 * regions. The services check every plan, save, session and outcome against it, so no resolver
 * can forget to.
 */
export class RegionScope {
  /** `regions` null: everywhere. */
  constructor(private readonly regions: readonly string[] | null = null) {}

  static of(viewer: Viewer): RegionScope {
    return new RegionScope(viewer.role === "planner" ? viewer.regions : null);
  }

  get limited(): boolean {
    return this.regions !== null;
  }

  /** Refuses (FORBIDDEN, naming the region) a region outside the scope; `null` = the whole data, allowed only unlimited. */
  require(code: string | null | undefined, argument: string): void {
    if (this.regions === null) return;
    const mine = this.regions.length ? this.regions.join(", ") : "none";
    if (!code)
      throw new DomainError(ErrorCode.FORBIDDEN, `${argument}: a planner must name a region inside their own (${mine}).`, argument);
    if (!insideAny(code, this.regions))
      throw new DomainError(ErrorCode.FORBIDDEN, `${argument}: region ${code} is outside your regions (${mine}).`, argument);
  }
}
