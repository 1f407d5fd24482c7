import { gql, type TypedDocumentNode } from "@apollo/client";
import type {
  AppInfoQuery,
  DatasetInfoFieldsFragment,
  FertilizerPointsQuery,
  GeometriesQuery,
  GeometriesQueryVariables,
  VillageCoverageQuery,
  VillageCoverageQueryVariables,
} from "./generated/graphql.ts";
import { ancestorAt } from "../../domain/region-code.ts";
import { COVERAGE_NODE_FIELDS, FERTILIZER_POINT_FIELDS, type RegionCollection } from "./types.ts";

export const DATASET_INFO_FIELDS: TypedDocumentNode<DatasetInfoFieldsFragment> = gql`
  fragment DatasetInfoFields on DatasetInfo {
    regencyCode
    regencyName
    root {
      code
      name
      level
    }
    provinces {
      code
      name
    }
    regencies {
      code
      name
    }
    synthetic
    boundariesSynthetic
    boundarySource
    latestPeriod
    basemapUrl
    mutationsEnabled
    tileUrl
    minCellSize
  }
`;
export type DatasetInfo = DatasetInfoFieldsFragment;

/**
 * The village vector tiles' URL template, absolute: MapLibre fetches tiles in a worker (made
 * absolute by hand, not with URL(), which would escape the {z}/{x}/{y}).
 */
export function villageTileUrl(dataset: Pick<DatasetInfo, "tileUrl">): string {
  const template = dataset.tileUrl.replace("{level}", "village");
  return /^https?:\/\//.test(template) ? template : `${window.location.origin}${template}`;
}

export const APP_INFO: TypedDocumentNode<AppInfoQuery> = gql`
  query AppInfo {
    datasetInfo {
      ...DatasetInfoFields
    }
    periods
    sectors {
      code
      nameId
      nameEn
    }
  }
  ${DATASET_INFO_FIELDS}
`;

/** `regionGeometries` is a JSON scalar: its shape is the client's declaration, not the schema's. */
export type Geometries = Record<keyof GeometriesQuery, RegionCollection>;

/** No villages (see `villageGeometryScope`). */
export const NO_VILLAGES: RegionCollection = { type: "FeatureCollection", features: [] };

/**
 * Boundaries as GeoJSON: every district and regency, and the villages inside `villagesWithin` (null:
 * all of them), none when `withVillages` is false (see `villageGeometryScope`).
 */
export const GEOMETRIES: TypedDocumentNode<Omit<Geometries, "villages"> & { villages?: RegionCollection }, GeometriesQueryVariables> = gql`
  query Geometries($villagesWithin: String, $withVillages: Boolean! = true) {
    villages: regionGeometries(level: VILLAGE, detail: MEDIUM, parentCode: $villagesWithin) @include(if: $withVillages)
    districts: regionGeometries(level: DISTRICT, detail: LOW)
    regencies: regionGeometries(level: REGENCY, detail: LOW)
  }
`;

/**
 * Which villages' boundaries the client asks for: those of the regency viewed (or of the regency of
 * the district or village viewed), none above a regency. They are drawn only there: the region's
 * names, the planner's overlay and a picked village's place read them. Above a regency the map
 * draws villages from the tiles, takes its extent from the districts, and the presentation and
 * exports do the same (East Java's villages alone are 19 MB as GeoJSON, the nation's 26 MB at
 * MEDIUM detail: over the answer limit).
 */
export function villageGeometryScope(viewed: string | null): GeometriesQueryVariables {
  const regency = viewed ? ancestorAt(viewed, "REGENCY") : null;
  return { villagesWithin: regency, withVillages: regency !== null };
}

export type CoverageVars = VillageCoverageQueryVariables;

/** Every village of the viewed region (`parentCode`; null: all the data) for one sector and period, unpaged. */
export const VILLAGE_COVERAGE: TypedDocumentNode<VillageCoverageQuery, CoverageVars> = gql`
  query VillageCoverage($sector: Sector, $period: String, $target: Float! = 0.5, $parentCode: String) {
    mapValues(level: VILLAGE, within: $parentCode, sector: $sector, period: $period, target: $target) {
      ...CoverageNodeFields
    }
  }
  ${COVERAGE_NODE_FIELDS}
`;

export const FERTILIZER_POINTS: TypedDocumentNode<FertilizerPointsQuery> = gql`
  query FertilizerPoints {
    fertilizerPoints {
      ...FertilizerPointFields
    }
  }
  ${FERTILIZER_POINT_FIELDS}
`;
