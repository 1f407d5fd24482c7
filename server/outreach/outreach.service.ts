import type { Database } from "../db/database.ts";
import { badInput, notFound } from "../common/errors.ts";
import { isoDay } from "../common/args.ts";
import type { Sector, SessionStatus } from "../../domain/vocabulary.ts";
import type { RegionService } from "../regions/region.service.ts";
import { RegionScope } from "../people/region-scope.ts";
import type { FertilizerPoint, FertilizerPointDistance, OutreachSession, SessionInput, SessionPatch } from "./outreach.types.ts";
import * as q from "./outreach.sql.ts";
import type { Disclosure } from "../disclosure/disclosure.service.ts";
import { disclosedCounts, sessionPatterns } from "./session-disclosure.ts";

const day = (value: string | undefined | null, argument: string): Date | undefined => {
  const parsed = isoDay(value, argument);
  return parsed ? new Date(`${parsed}T00:00:00Z`) : undefined;
};

/** Fertilizer distribution points and outreach sessions. Writes go through Prisma; spatial reads through SQL. */
export class OutreachService {
  constructor(
    private readonly db: Database,
    private readonly regions: RegionService,
    /** Where the requester may create and change sessions (a planner: its regions). */
    private readonly allowed: RegionScope = new RegionScope(),
    /** Whether recorded counts are suppressed (see session-disclosure.ts). */
    private readonly disclosure: Disclosure = { minCellSize: 1, suppress: false },
  ) {}

  /** Sessions as the request may see them: small recorded counts suppressed. */
  private async disclosed(rows: OutreachSession[]): Promise<OutreachSession[]> {
    const patterns = rows.some((r) => r.status === "HELD") ? await sessionPatterns(this.db.sql, this.disclosure) : null;
    return rows.map((r) => disclosedCounts(r, patterns));
  }

  async points(regionCode: string | null, from: string | null, to: string | null): Promise<FertilizerPoint[]> {
    if (regionCode) await this.regions.require(regionCode, "regionCode");
    day(from, "from");
    day(to, "to");
    return this.db.sql.query<FertilizerPoint>(q.POINTS, [regionCode, from, to]);
  }

  async nearestPoints(villageCode: string, first: number): Promise<FertilizerPointDistance[]> {
    const village = await this.regions.require(villageCode, "villageCode");
    if (village.level !== "VILLAGE")
      throw badInput("villageCode", `villageCode ${villageCode} is a ${village.level.toLowerCase()}, not a village.`);
    const rows = await this.db.sql.query<FertilizerPoint & { distance: number }>(q.NEAREST_POINTS, [villageCode, first]);
    return rows.map(({ distance, ...point }) => ({ point, distanceMeters: distance }));
  }

  async sessions(
    regionCode: string | null,
    from: string | null,
    to: string | null,
    sector: Sector | null,
    status: SessionStatus | null = null,
  ): Promise<OutreachSession[]> {
    if (regionCode) await this.regions.require(regionCode, "regionCode");
    day(from, "from");
    day(to, "to");
    return this.disclosed(await this.db.sql.query<OutreachSession>(q.SESSIONS, [regionCode, from, to, sector, status]));
  }

  async session(id: number): Promise<OutreachSession> {
    const [row] = await this.disclosed(await this.unsuppressed(id));
    return row!;
  }

  private async unsuppressed(id: number): Promise<OutreachSession[]> {
    const rows = await this.db.sql.query<OutreachSession>(q.SESSION_BY_ID, [id]);
    if (!rows.length) throw notFound(`id: no outreach session ${id}.`);
    return rows;
  }

  /** A session the requester may change: it exists and lies inside the requester's regions. */
  private async changeable(id: number): Promise<OutreachSession> {
    const [current] = await this.unsuppressed(id);
    this.allowed.require(current.villageCode, "id");
    return current!;
  }

  async create(input: SessionInput): Promise<OutreachSession> {
    this.allowed.require(input.villageCode, "input.villageCode");
    const village = await this.regions.require(input.villageCode, "input.villageCode");
    if (village.level !== "VILLAGE") throw badInput("input.villageCode", `input.villageCode ${input.villageCode} is not a village.`);
    const startsOn = day(input.startsOn, "input.startsOn")!;
    const endsOn = day(input.endsOn ?? input.startsOn, "input.endsOn")!;
    if (endsOn < startsOn) throw badInput("input.endsOn", "input.endsOn is before input.startsOn.");
    if (!input.title.trim()) throw badInput("input.title", "input.title is empty.");
    if (input.pointId !== undefined && input.pointId !== null) {
      const [point] = await this.db.sql.query(q.POINT_EXISTS, [input.pointId]);
      if (!point) throw notFound(`input.pointId: no fertilizer point ${input.pointId}.`);
    }
    const created = await this.db.prisma.outreachSession.create({
      data: {
        title: input.title.trim(),
        startsOn,
        endsOn,
        villageCode: input.villageCode,
        pointId: input.pointId ?? null,
        targetSectors: input.targetSectors,
        notes: input.notes ?? null,
      },
    });
    return this.session(created.id);
  }

  async update(id: number, patch: SessionPatch): Promise<OutreachSession> {
    const current = await this.changeable(id);
    const startsOn = day(patch.startsOn, "patch.startsOn") ?? new Date(`${current.startsOn}T00:00:00Z`);
    const endsOn = day(patch.endsOn, "patch.endsOn") ?? new Date(`${current.endsOn}T00:00:00Z`);
    if (endsOn < startsOn) throw badInput("patch.endsOn", "the session would end before it starts.");
    await this.db.prisma.outreachSession.update({
      where: { id },
      data: { title: patch.title ?? undefined, notes: patch.notes ?? undefined, startsOn, endsOn },
    });
    return this.session(id);
  }

  async cancel(id: number): Promise<OutreachSession> {
    const current = await this.changeable(id);
    if (current.status === "HELD") throw badInput("id", `session ${id} was already held; it cannot be cancelled.`);
    await this.db.prisma.outreachSession.update({ where: { id }, data: { status: "CANCELLED" } });
    return this.session(id);
  }

  /** Marks the session held with its attendance and the enrollments attributed to it. */
  async recordResults(id: number, attendance: number, enrollmentsAttributed: number): Promise<OutreachSession> {
    const current = await this.changeable(id);
    if (current.status === "CANCELLED") throw badInput("id", `session ${id} was cancelled.`);
    if (attendance < 0) throw badInput("attendance", "attendance must be at least 0.");
    if (enrollmentsAttributed < 0 || enrollmentsAttributed > attendance) {
      throw badInput("enrollmentsAttributed", "enrollmentsAttributed must be between 0 and attendance.");
    }
    await this.db.prisma.outreachSession.update({ where: { id }, data: { status: "HELD", attendance, enrollmentsAttributed } });
    return this.session(id);
  }
}
