import { registerEnumType } from "type-graphql";
import {
  AllocationRule,
  CandidateSites,
  CoverageMetric,
  FertilizerPointKind,
  GeometryDetail,
  ImportKind,
  RateSource,
  Reliability,
  Sector,
  RegionLevel,
  SessionStatus,
  SiteKind,
  SortDirection,
  StopReason,
} from "../../domain/vocabulary.ts";
import { DEFAULT_ENROLLMENT_RATE } from "../../domain/bounds.ts";

// The GraphQL names and descriptions of the domain vocabulary (domain/vocabulary.ts): registered here, defined there.
// schema.ts imports this module before building the schema.

registerEnumType(Sector, {
  name: "Sector",
  description: "Informal-worker sector.",
  valuesConfig: {
    FARMER: { description: "Farmers (petani)." },
    LIVESTOCK: { description: "Livestock keepers (peternak)." },
    FISHER: { description: "Fishers (nelayan)." },
  },
});

registerEnumType(RegionLevel, {
  name: "RegionLevel",
  description: "Administrative level (Kemendagri).",
  valuesConfig: {
    PROVINCE: { description: "Province (provinsi), code like 35." },
    REGENCY: { description: "Regency (kabupaten) or city (kota), code like 35.26." },
    DISTRICT: { description: "District (kecamatan), code like 35.26.01." },
    VILLAGE: { description: "Village (desa) or urban ward (kelurahan), code like 35.26.01.1001." },
  },
});

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
    SUPPRESSED: {
      description:
        "Fewer enrolled than the minimum cell size (datasetInfo.minCellSize), or a cell that would give one back by subtraction: the count and the rate are withheld (null).",
    },
  },
});

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

registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Sort order.",
  valuesConfig: { ASC: { description: "Smallest first." }, DESC: { description: "Largest first." } },
});

registerEnumType(GeometryDetail, {
  name: "GeometryDetail",
  description: "Level of detail of boundary geometry (simplified as a coverage: neighbours keep shared edges).",
  valuesConfig: {
    LOW: { description: "Coarse (about 150 m): whole-regency views." },
    MEDIUM: { description: "Medium (about 40 m): district views." },
    FULL: { description: "As imported: one village." },
  },
});

registerEnumType(SessionStatus, {
  name: "SessionStatus",
  description: "Where an outreach session stands.",
  valuesConfig: {
    PLANNED: { description: "Planned, not yet held." },
    HELD: { description: "Held; attendance and enrollments attributed are recorded." },
    CANCELLED: { description: "Cancelled." },
  },
});

registerEnumType(CandidateSites, {
  name: "CandidateSites",
  description: "Where sessions may be held.",
  valuesConfig: {
    FERTILIZER_POINTS: { description: "Fertilizer distribution points (warehouses and kiosks) with distribution in the date window." },
    FERTILIZER_POINTS_AND_VILLAGES: { description: "Those points and every village's inner point (a session at the village hall)." },
  },
});

registerEnumType(SiteKind, {
  name: "SiteKind",
  description: "Kind of candidate site.",
  valuesConfig: {
    WAREHOUSE: { description: "District fertilizer warehouse." },
    KIOSK: { description: "Village fertilizer kiosk." },
    VILLAGE: { description: "A village's inner point (village hall)." },
  },
});

registerEnumType(RateSource, {
  name: "RateSource",
  description: "Where the expected enrollment rate came from.",
  valuesConfig: {
    GIVEN: { description: "Given in the input." },
    PAST_SESSIONS: { description: "Enrollments attributed / attendance of held sessions for these sectors." },
    DEFAULT: { description: `No past sessions to learn from: the stated default ${DEFAULT_ENROLLMENT_RATE}.` },
  },
});

registerEnumType(StopReason, {
  name: "StopReason",
  description: "Why the planner stopped adding sites.",
  valuesConfig: {
    SESSIONS_REACHED: { description: "It chose the number of sessions asked for." },
    BUDGET_SPENT: { description: "The premium budget is spent." },
    NOTHING_LEFT_TO_REACH: { description: "No remaining candidate reaches an uncovered worker not already reached." },
  },
});

registerEnumType(AllocationRule, {
  name: "AllocationRule",
  description: "Which villages are funded first.",
  valuesConfig: {
    LARGEST_UNCOVERED: { description: "Villages (per sector) with the most uncovered workers first." },
    LOWEST_RATE: { description: "Villages (per sector) with the lowest coverage rate first." },
    EQUAL_PER_DISTRICT: { description: "An equal share per district, within each district the most uncovered first." },
  },
});

registerEnumType(ImportKind, {
  name: "ImportKind",
  description: "What a file holds.",
  valuesConfig: {
    BOUNDARIES: { description: "Region boundaries: GeoJSON, wilayah_boundaries SQL, or an ESRI shapefile (.zip, or .shp with .dbf)." },
    WORKFORCE: { description: "Workforce CSV: village_code (or nama_desa + kecamatan), sector, period, workers, source." },
    ENROLLMENTS: {
      description:
        "BPJS Ketenagakerjaan participant CSV: nik, name, village_code, sector, programs, start_date, end_date, status, funding_source.",
    },
  },
});

registerEnumType(FertilizerPointKind, {
  name: "FertilizerPointKind",
  description: "Kind of fertilizer distribution point.",
  valuesConfig: {
    WAREHOUSE: { description: "District fertilizer warehouse." },
    KIOSK: { description: "Village fertilizer kiosk." },
  },
});
