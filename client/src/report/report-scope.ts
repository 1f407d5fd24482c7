// What a report or presentation about a region lists: its provinces, regencies or districts, or the villages of its district.
import type { RegionLevel } from "../generated/graphql.ts";
import { childLevel, levelOfCode, parentOfCode } from "../../../domain/region-code.ts";

export type { RegionLevel };

export interface ReportScope {
  /** The level of the region reported on; null: the nation (all the data loaded). */
  level: RegionLevel | null;
  /** The region whose children are ranked and whose villages are listed; null: the nation. */
  scope: string | null;
  childLevel: RegionLevel;
}

/** From a Kemendagri code: 35 a province, 35.26 a regency, 35.26.01 a district, 35.26.01.1001 a village; "" the nation. */
export function reportScope(code: string): ReportScope {
  const level = levelOfCode(code);
  if (level === "VILLAGE") return { level, scope: parentOfCode(code)!, childLevel: "VILLAGE" };
  if (level) return { level, scope: code, childLevel: childLevel(level)! };
  return { level: null, scope: null, childLevel: "PROVINCE" };
}

export interface TargetProgress {
  /** Coverage rate as a share of the target, 0 to 1. */
  share: number;
  reached: boolean;
  /** Workers still to enrol to reach the target (0 once reached); null when the count is suppressed. */
  toEnrol: number | null;
}

/** enrolled null (suppressed): nothing to show but the target. */
export function targetProgress(enrolled: number | null, workforce: number, target: number): TargetProgress {
  if (enrolled === null) return { share: 0, reached: false, toEnrol: null };
  const toEnrol = Math.max(0, Math.ceil(target * workforce - enrolled - 1e-9));
  const rate = workforce > 0 ? enrolled / workforce : 0;
  return { share: target > 0 ? Math.min(1, rate / target) : 1, reached: toEnrol === 0, toEnrol };
}
