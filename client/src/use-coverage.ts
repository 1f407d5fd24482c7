import { useMemo } from "react";
import { useQuery } from "@apollo/client/react";
import { VILLAGE_COVERAGE, type CoverageVars } from "./app-queries.ts";
import type { CoverageNode } from "./types.ts";

export interface CoverageResult {
  nodes: CoverageNode[];
  byCode: ReadonlyMap<string, CoverageNode>;
  loading: boolean;
  error: Error | undefined;
}

/** The villages' coverage for one sector and period; keeps the previous answer while loading. */
export function useVillageCoverage(vars: CoverageVars | null): CoverageResult {
  const { data, previousData, loading, error } = useQuery(VILLAGE_COVERAGE, {
    variables: vars ?? { sector: null, period: null, target: 0.5, parentCode: null },
    skip: !vars,
  });
  const answer = data ?? previousData;
  return useMemo(() => {
    const nodes = vars ? (answer?.mapValues ?? []) : [];
    return { nodes, byCode: new Map(nodes.map((n) => [n.code, n])), loading, error };
  }, [answer, vars, loading, error]);
}
