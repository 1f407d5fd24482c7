import { gql, type TypedDocumentNode } from "@apollo/client";
import type {
  AppInfoQuery,
  DatasetInfoFieldsFragment,
  FertilizerPointsQuery,
  GeometriesQuery,
  VillageCoverageQuery,
  VillageCoverageQueryVariables,
} from "./generated/graphql.ts";
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

export const GEOMETRIES: TypedDocumentNode<Geometries> = gql`
  query Geometries {
    villages: regionGeometries(level: VILLAGE, detail: MEDIUM)
    districts: regionGeometries(level: DISTRICT, detail: LOW)
    regencies: regionGeometries(level: REGENCY, detail: LOW)
  }
`;

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
