import DataLoader from "dataloader";
import type { Sql } from "../db/sql.ts";
import { badInput, notFound } from "../common/errors.ts";
import { simplifyName } from "../common/text.ts";
import { GeometryDetail, RegionLevel } from "../../domain/vocabulary.ts";
import type { PointLocation, Region, RegionDistance } from "./region.types.ts";
import * as q from "./regions.sql.ts";

const toRegion = (r: q.RegionRow): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  areaKm2: r.area_km2,
  bbox: r.bbox,
  centroid: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
  synthetic: r.synthetic,
});

const DETAIL_COLUMN = { LOW: "geom_low", MEDIUM: "geom_medium", FULL: "geom" } as const;

export class RegionService {
  constructor(private readonly sql: Sql) {}

  readonly byCode = new DataLoader<string, Region | null>(async (codes) => {
    const rows = await this.sql.query<q.RegionRow>(q.REGIONS_BY_CODES, [codes]);
    const found = new Map(rows.map((r) => [r.code, toRegion(r)]));
    return codes.map((c) => found.get(c) ?? null);
  });

  readonly children = new DataLoader<string, Region[]>(async (codes) => {
    const rows = await this.sql.query<q.RegionRow>(q.CHILDREN_OF, [codes]);
    return codes.map((c) => rows.filter((r) => r.parent_code === c).map(toRegion));
  });

  /** The region, or NOT_FOUND naming the argument: an unknown code is an error, not an empty answer. */
  async require(code: string, argument: string): Promise<Region> {
    const region = await this.byCode.load(code);
    if (!region) throw notFound(`${argument}: no region with code "${code}".`);
    return region;
  }

  async atLevel(level: RegionLevel, parentCode?: string | null): Promise<Region[]> {
    if (parentCode) await this.require(parentCode, "parentCode");
    return (await this.sql.query<q.RegionRow>(q.REGIONS_AT_LEVEL, [level, parentCode ?? null])).map(toRegion);
  }

  /** Name search ignoring case, accents, spacing and punctuation; prefix matches first. */
  async search(text: string, level: RegionLevel | null, first: number): Promise<Region[]> {
    const needle = simplifyName(text);
    if (!needle) throw badInput("query", "query must contain a letter or digit.");
    const rows = await this.sql.query<{ code: string; name: string; level: string }>(q.ALL_NAMES);
    const hits = rows
      .filter((r) => (!level || r.level === level) && simplifyName(r.name).includes(needle))
      .sort(
        (a, b) =>
          Number(!simplifyName(b.name).startsWith(needle)) - Number(!simplifyName(a.name).startsWith(needle)) ||
          a.name.localeCompare(b.name),
      )
      .slice(0, first);
    return (await this.byCode.loadMany(hits.map((h) => h.code))).filter((r): r is Region => !!r && !(r instanceof Error));
  }

  async geometries(level: RegionLevel, parentCode: string | null, detail: GeometryDetail): Promise<unknown> {
    if (parentCode) await this.require(parentCode, "parentCode");
    const [row] = await this.sql.query<{ collection: unknown }>(q.geometriesQuery(DETAIL_COLUMN[detail]), [level, parentCode]);
    return row.collection;
  }

  async withinDistance(level: RegionLevel, lon: number, lat: number, meters: number): Promise<RegionDistance[]> {
    const rows = await this.sql.query<q.RegionRow & { distance: number }>(q.WITHIN_DISTANCE, [level, lon, lat, meters]);
    return rows.map((r) => ({ region: toRegion(r), distanceMeters: r.distance }));
  }

  async intersecting(level: RegionLevel, geojson: string): Promise<Region[]> {
    return (await this.sql.query<q.RegionRow>(q.INTERSECTING, [level, geojson])).map(toRegion);
  }

  async locate(lon: number, lat: number): Promise<PointLocation> {
    const rows = (await this.sql.query<q.RegionRow>(q.CONTAINING, [lon, lat])).map(toRegion);
    const at = (level: string) => rows.find((r) => r.level === level) ?? null;
    return { village: at("VILLAGE"), district: at("DISTRICT"), regency: at("REGENCY") };
  }
}
