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
 * Which villages' boundaries the client asks for. A database of one regency or province: all of
 * them, as the region's extent, names, the planner's overlay, the presentation and the exports read
 * them. A database of several provinces (no root): the whole nation's are over the answer limit
 * (26 MB for the official list at MEDIUM detail) and the map draws villages from the tiles, so only
 * those of the province viewed, none at the nation.
 */
export function villageGeometryScope(root: string | null, viewed: string | null): GeometriesQueryVariables {
  if (root !== null) return { villagesWithin: null, withVillages: true };
  const province = viewed ? ancestorAt(viewed, "PROVINCE") : null;
  return { villagesWithin: province, withVillages: province !== null };
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
