import { registerEnumType } from "type-graphql";

export enum Sector {
  FARMER = "FARMER",
  LIVESTOCK = "LIVESTOCK",
  FISHER = "FISHER",
}
registerEnumType(Sector, {
  name: "Sector",
  description: "Informal-worker sector.",
  valuesConfig: {
    FARMER: { description: "Farmers (petani)." },
    LIVESTOCK: { description: "Livestock keepers (peternak)." },
    FISHER: { description: "Fishers (nelayan)." },
  },
});

export enum RegionLevel {
  REGENCY = "REGENCY",
  DISTRICT = "DISTRICT",
  VILLAGE = "VILLAGE",
}
registerEnumType(RegionLevel, {
  name: "RegionLevel",
  description: "Administrative level (Kemendagri).",
  valuesConfig: {
    REGENCY: { description: "Regency (kabupaten) or city (kota), code like 35.26." },
    DISTRICT: { description: "District (kecamatan), code like 35.26.01." },
    VILLAGE: { description: "Village (desa) or urban ward (kelurahan), code like 35.26.01.1001." },
  },
});

export enum Reliability {
  COUNT = "COUNT",
  ESTIMATE = "ESTIMATE",
  SMALL_WORKFORCE = "SMALL_WORKFORCE",
  NO_WORKFORCE = "NO_WORKFORCE",
}
registerEnumType(Reliability, {
  name: "Reliability",
  description: "How far a coverage rate can be trusted.",
  valuesConfig: {
    COUNT: { description: "Workforce is a count and large enough: the rate is reliable." },
    ESTIMATE: { description: "Workforce is a statistical estimate (large enough): the rate is indicative." },
    SMALL_WORKFORCE: {
      description: "Workforce below minWorkforce (30 by default): the rate swings with a few workers; do not rank on it.",
    },
    NO_WORKFORCE: { description: "No workforce recorded: no rate." },
  },
});

export enum CoverageMetric {
  WORKFORCE = "WORKFORCE",
  ENROLLED = "ENROLLED",
  COVERAGE_RATE = "COVERAGE_RATE",
  UNCOVERED = "UNCOVERED",
  UNCOVERED_PER_KM2 = "UNCOVERED_PER_KM2",
  GAP_TO_TARGET = "GAP_TO_TARGET",
}
registerEnumType(CoverageMetric, {
  name: "CoverageMetric",
  description: "A coverage figure to sort or rank by.",
  valuesConfig: {
    WORKFORCE: { description: "Estimated workers." },
    ENROLLED: { description: "Workers enrolled in JKK/JKM." },
    COVERAGE_RATE: { description: "Enrolled / workforce." },
    UNCOVERED: { description: "Workers not enrolled." },
    UNCOVERED_PER_KM2: { description: "Uncovered workers per square kilometre." },
    GAP_TO_TARGET: { description: "Workers still to enrol to reach the target rate." },
  },
});

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Sort order.",
  valuesConfig: { ASC: { description: "Smallest first." }, DESC: { description: "Largest first." } },
});

export enum GeometryDetail {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  FULL = "FULL",
}
registerEnumType(GeometryDetail, {
  name: "GeometryDetail",
  description: "Level of detail of boundary geometry (simplified as a coverage: neighbours keep shared edges).",
  valuesConfig: {
    LOW: { description: "Coarse (about 150 m): whole-regency views." },
    MEDIUM: { description: "Medium (about 40 m): district views." },
    FULL: { description: "As imported: one village." },
  },
});

export enum SessionStatus {
  PLANNED = "PLANNED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}
registerEnumType(SessionStatus, {
  name: "SessionStatus",
  description: "Where an outreach session stands.",
  valuesConfig: {
    PLANNED: { description: "Planned, not yet held." },
    HELD: { description: "Held; attendance and enrollments attributed are recorded." },
    CANCELLED: { description: "Cancelled." },
  },
});
