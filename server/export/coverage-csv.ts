import type { ApolloServer } from "@apollo/server";
import type { Request, Response } from "express";
import type { Context } from "../graphql/context.ts";
import { toCsv } from "./csv.ts";

export const CSV_FIELDS = [
  "code",
  "name",
  "level",
  "parentCode",
  "parentName",
  "workforce",
  "enrolled",
  "coverageRate",
  "uncovered",
  "areaKm2",
  "uncoveredPerKm2",
  "gapToTarget",
  "rank",
  "reliability",
  "overEnrolled",
] as const;

const QUERY = `query Export($level: RegionLevel!, $sector: Sector, $period: String, $parentCode: String, $target: Float, $orderBy: CoverageMetric,
  $direction: SortDirection, $after: String, $minCoverageRate: Float, $maxCoverageRate: Float, $minUncovered: Int, $reliability: [Reliability!], $minWorkforce: Int) {
  coverage(level: $level, sector: $sector, period: $period, parentCode: $parentCode, target: $target, orderBy: $orderBy, direction: $direction,
    first: 500, after: $after, minCoverageRate: $minCoverageRate, maxCoverageRate: $maxCoverageRate, minUncovered: $minUncovered,
    reliability: $reliability, minWorkforce: $minWorkforce) {
    pageInfo { hasNextPage endCursor }
    edges { node { ${CSV_FIELDS.join(" ")} } }
  }
}`;

const NUMBERS = new Set(["target", "minCoverageRate", "maxCoverageRate", "minUncovered", "minWorkforce"]);

/** Query-string parameters as GraphQL variables: numbers as numbers, reliability as a list. */
export function variablesFrom(query: Request["query"]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw.map(String) : String(raw);
    if (key === "reliability") vars[key] = Array.isArray(value) ? value : value.split(",");
    else if (NUMBERS.has(key)) vars[key] = Number(value);
    else vars[key] = value;
  }
  return vars;
}

/** GET /export/coverage.csv: the coverage query's rows (all pages) as UTF-8 CSV, same arguments as the query. */
export function coverageCsvHandler(apollo: ApolloServer<Context>, context: (req: Request) => Context) {
  return async (req: Request, res: Response) => {
    const variables = variablesFrom(req.query);
    const rows: Record<string, unknown>[] = [];
    let after: string | undefined;
    do {
      const response = await apollo.executeOperation({ query: QUERY, variables: { ...variables, after } }, { contextValue: context(req) });
      const single = response.body.kind === "single" ? response.body.singleResult : null;
      if (!single || single.errors?.length) {
        const error = single?.errors?.[0];
        res
          .status(400)
          .type("application/json")
          .send({ error: error?.message ?? "Export failed.", code: error?.extensions?.code });
        return;
      }
      const data = single.data as {
        coverage: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Record<string, unknown> }[] };
      };
      rows.push(...data.coverage.edges.map((e) => e.node));
      after = data.coverage.pageInfo.hasNextPage ? data.coverage.pageInfo.endCursor : undefined;
    } while (after);
    const csv = toCsv(rows, CSV_FIELDS);
    res.type("text/csv; charset=utf-8").attachment("coverage.csv").send(csv);
  };
}
