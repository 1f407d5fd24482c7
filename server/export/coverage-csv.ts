import { httpStatusOf } from "../common/errors.ts";
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
  "suppressed",
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

/** Decimals kept per fractional field: a rate to a hundredth of a percentage point, areas and densities to two. */
const DECIMALS: Partial<Record<(typeof CSV_FIELDS)[number], number>> = { coverageRate: 4, areaKm2: 2, uncoveredPerKm2: 2 };

/**
 * `format=excel-id`: for a spreadsheet set to Indonesian (Excel, LibreOffice): semicolons between
 * fields, a decimal comma, and a byte-order mark so the names' UTF-8 is read as such.
 */
export type CsvFormat = "standard" | "excel-id";
export const CSV_FORMATS: readonly CsvFormat[] = ["standard", "excel-id"];

export function csvText(rows: readonly Record<string, unknown>[], format: CsvFormat): string {
  const decimal = format === "excel-id" ? "," : ".";
  const cells = rows.map((row) =>
    Object.fromEntries(
      CSV_FIELDS.map((f) => {
        const v = row[f];
        const digits = DECIMALS[f];
        if (typeof v === "number" && digits != null) return [f, String(+v.toFixed(digits)).replace(".", decimal)];
        return [f, typeof v === "boolean" ? String(v) : v];
      }),
    ),
  );
  const csv = toCsv(cells, CSV_FIELDS, format === "excel-id" ? ";" : ",");
  return format === "excel-id" ? `\ufeff${csv}` : csv;
}

const NUMBERS = new Set(["target", "minCoverageRate", "maxCoverageRate", "minUncovered", "minWorkforce"]);

/** Query-string parameters as GraphQL variables: numbers as numbers, reliability as a list. */
export function variablesFrom(query: Request["query"]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    if (key === "format") continue;
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
    const format = CSV_FORMATS.find((f) => f === (req.query.format ?? "standard"));
    if (!format) {
      res
        .status(400)
        .json({ error: `format: "${String(req.query.format)}" is not one of ${CSV_FORMATS.join(", ")}.`, code: "BAD_USER_INPUT" });
      return;
    }
    const variables = variablesFrom(req.query);
    const rows: Record<string, unknown>[] = [];
    let after: string | undefined;
    do {
      const response = await apollo.executeOperation({ query: QUERY, variables: { ...variables, after } }, { contextValue: context(req) });
      const single = response.body.kind === "single" ? response.body.singleResult : null;
      if (!single || single.errors?.length) {
        const error = single?.errors?.[0];
        res
          .status(httpStatusOf(error?.extensions?.code))
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
    res
      .type("text/csv; charset=utf-8")
      .attachment(format === "excel-id" ? "cakupan-excel.csv" : "coverage.csv")
      .send(csvText(rows, format));
  };
}
