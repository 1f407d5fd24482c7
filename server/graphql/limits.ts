import {
  GraphQLError,
  Kind,
  getIntrospectionQuery,
  getOperationAST,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getComplexity } from "graphql-query-complexity";
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { ErrorCode } from "../common/errors.ts";

/** Fields walked in one operation (fragments expanded) above which it is refused unread. */
export const MAX_QUERY_NODES = 5000;
/** Lexical tokens in one document above which parsing stops (graphql-js's own guard). */
export const MAX_QUERY_TOKENS = 50_000;

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Root fields per operation (each one a separate resolver run). */
  maxRootFields: number;
  /** Aliased fields per operation (what repeats one costly field many times). */
  maxAliases: number;
}

/**
 * What a field costs beyond its children, where that is more than 1 (a field costs 1, a page of
 * `first` rows `first` times its children): the village coverage page (281 rows, every field) costs
 * about 5,000 and takes tens of milliseconds; FULL village geometry is a megabyte of GeoJSON; a
 * plan runs PostGIS distances for every candidate site and a greedy search over them.
 */
const GEOMETRY_COST: Record<string, number> = { LOW: 1000, MEDIUM: 2500, FULL: 8000 };
export const FIELD_COST: Record<string, (args: Record<string, unknown>) => number> = {
  "Query.regionGeometries": (args) => GEOMETRY_COST[String(args.detail)] ?? GEOMETRY_COST.FULL,
  "Query.outreachPlan": () => 8000,
  "Mutation.savePlan": () => 8000,
  "Query.budgetView": () => 2000,
  "Query.dataQuality": () => 1000,
  "Query.outreachPlans": () => 1000,
  "Query.savedPlan": () => 200,
  "Mutation.createSessionsFromPlan": () => 500,
  "Mutation.importFile": () => 8000,
  "Query.regionsIntersecting": () => 500,
  "Query.regionsWithin": () => 200,
  "Query.locate": () => 100,
  "Query.mapValues": () => 1000,
};

/** A limit refused before execution: HTTP 400 with its own code. */
export class QueryLimitError extends GraphQLError {
  constructor(message: string, code: "QUERY_TOO_DEEP" | "QUERY_TOO_COMPLEX" | "QUERY_TOO_LARGE") {
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

// Introspection (`__schema`, `__type`) is bounded by its shape rather than by the depth limit: a
// type reached through a reference (`type`, `ofType`, `interfaces`, ...) may only be named, never
// expanded again (what the standard introspection query asks; the reverse makes queries that grow
// with the schema to any power). Its depth is then bounded by the standard query's own.
const TYPE_REFERENCES = new Set(["type", "ofType", "interfaces", "possibleTypes", "queryType", "mutationType", "subscriptionType"]);
const TYPE_REFERENCE_FIELDS = new Set(["kind", "name", "ofType", "description", "specifiedByURL", "isOneOf", "__typename"]);

type Mode = "data" | "introspection" | "typeReference";

interface Shape {
  depth: number;
  introspectionDepth: number;
  nodes: number;
  rootFields: number;
  aliases: number;
}

/** Walks before validation too: a fragment already on the path (a cycle, refused by validation) is skipped. */
function walk(
  set: SelectionSetNode,
  depth: number,
  mode: Mode,
  fragments: Map<string, SelectionSetNode>,
  shape: Shape,
  path: ReadonlySet<string> = new Set(),
): void {
  for (const s of set.selections) {
    if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, depth, mode, fragments, shape, path);
    else if (s.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(s.name.value);
      if (fragment && !path.has(s.name.value)) walk(fragment, depth, mode, fragments, shape, new Set(path).add(s.name.value));
    } else {
      if (++shape.nodes > MAX_QUERY_NODES)
        throw new QueryLimitError(`The query has more than ${MAX_QUERY_NODES} fields (fragments expanded).`, "QUERY_TOO_LARGE");
      if (depth === 0) shape.rootFields++;
      if (s.alias) shape.aliases++;
      const name = s.name.value;
      if (mode === "typeReference" && !TYPE_REFERENCE_FIELDS.has(name))
        throw new QueryLimitError(
          `Introspection may only name a referenced type (kind, name, ofType), not ask for its ${name}: ask for that type through __schema.types or __type.`,
          "QUERY_TOO_COMPLEX",
        );
      const own: Mode = mode === "data" && (name === "__schema" || name === "__type") ? "introspection" : mode;
      const child: Mode = own !== "data" && TYPE_REFERENCES.has(name) ? "typeReference" : own;
      if (own === "data") shape.depth = Math.max(shape.depth, depth + 1);
      else shape.introspectionDepth = Math.max(shape.introspectionDepth, depth + 1);
      if (s.selectionSet) walk(s.selectionSet, depth + 1, child, fragments, shape, path);
    }
  }
}

/** The operation's shape: data depth, introspection depth and fields walked (fragments expanded). */
function shapeOf(document: DocumentNode, operation?: OperationDefinitionNode): Shape {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const shape: Shape = { depth: 0, introspectionDepth: 0, nodes: 0, rootFields: 0, aliases: 0 };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION && (!operation || d === operation)) walk(d.selectionSet, 0, "data", fragments, shape);
  return shape;
}

/** Depth of the deepest data field in the document's operations (fragments followed). */
export function queryDepth(document: DocumentNode): number {
  return shapeOf(document).depth;
}

/** Every option of graphql's getIntrospectionQuery on: its deepest form. */
export const ALL_INTROSPECTION_OPTIONS = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
} as const;

/** What GraphiQL, codegen and IDE plugins send, in its deepest form: always allowed. */
const STANDARD_INTROSPECTION_DEPTH = shapeOf(parse(getIntrospectionQuery(ALL_INTROSPECTION_OPTIONS))).introspectionDepth;

/** Refuses an operation whose shape is over the limits (depth, size, introspection): cheap, runs before validation. */
export function checkShape(document: DocumentNode, limits: QueryLimits, operation?: OperationDefinitionNode): Shape {
  const shape = shapeOf(document, operation);
  if (shape.depth > limits.maxDepth)
    throw new QueryLimitError(`Query depth ${shape.depth} exceeds the limit of ${limits.maxDepth}.`, "QUERY_TOO_DEEP");
  if (shape.rootFields > limits.maxRootFields)
    throw new QueryLimitError(
      `The operation has ${shape.rootFields} root fields; the limit is ${limits.maxRootFields}.`,
      "QUERY_TOO_LARGE",
    );
  if (shape.aliases > limits.maxAliases)
    throw new QueryLimitError(`The operation has ${shape.aliases} aliased fields; the limit is ${limits.maxAliases}.`, "QUERY_TOO_LARGE");
  if (shape.introspectionDepth > STANDARD_INTROSPECTION_DEPTH)
    throw new QueryLimitError(
      `Introspection depth ${shape.introspectionDepth} exceeds that of the standard introspection query (${STANDARD_INTROSPECTION_DEPTH}).`,
      "QUERY_TOO_DEEP",
    );
  return shape;
}

/** Refuses a valid operation that costs more than the limit (see costOf). Returns its cost. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  variables: Record<string, unknown> = {},
  operation?: OperationDefinitionNode,
): number {
  const complexity = costOf(schema, document, variables, operation);
  if (complexity > limits.maxComplexity)
    throw new QueryLimitError(`Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity}.`, "QUERY_TOO_COMPLEX");
  return complexity;
}

function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operation?: OperationDefinitionNode) {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operation?.name?.value,
      maxQueryNodes: MAX_QUERY_NODES + 1,
      estimators: [
        ({ type, field, args, childComplexity }) => {
          if (type.name.startsWith("__")) return 0; // introspection: bounded by its shape (above)
          const own = FIELD_COST[`${type.name}.${field.name}`]?.(args) ?? 1;
          const size = typeof args.first === "number" ? args.first : 1;
          return own + size * childComplexity;
        },
      ],
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
      throw new QueryLimitError(`The query has more than ${MAX_QUERY_NODES} fields (fragments expanded).`, "QUERY_TOO_LARGE");
    // The cost is read with the variables' values, so a variable the operation cannot take (an
    // unknown enum value, a wrong type, a required one missing) is refused here, before execution
    // would: the client's mistake, HTTP 400 with graphql-js's wording, as execution answers it.
    if (error instanceof GraphQLError && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION)
      throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
    throw error;
  }
}

/**
 * Refuses an operation whose shape is over the limits with HTTP 400 and the limit's code, before
 * Apollo validates it (validation's cost grows with the document; Apollo turns a throw in its
 * validation hooks into a 500). Anything it cannot read is left to Apollo to refuse.
 */
export function shapeLimitsMiddleware(limits: QueryLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    const query = req.method === "GET" ? req.query.query : req.body?.query;
    const operationName = req.method === "GET" ? req.query.operationName : req.body?.operationName;
    if (typeof query !== "string") return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_QUERY_TOKENS });
    } catch {
      return next();
    }
    try {
      checkShape(document, limits, getOperationAST(document, typeof operationName === "string" ? operationName : undefined) ?? undefined);
    } catch (error) {
      if (!(error instanceof QueryLimitError)) throw error;
      return void res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
    }
    next();
  };
}

/** Refuses valid operations costlier than the limit before they run (HTTP 400, QUERY_TOO_COMPLEX). */
export function costLimitPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          checkCost(schema, document, limits, request.variables ?? {}, operation);
        },
      };
    },
  };
}

/**
 * Caps the size of a JSON answer: a larger one is replaced by RESPONSE_TOO_LARGE (HTTP 400). The
 * text measured is the text sent (`stringifyResult`), so it is made once. Apollo hands
 * `stringifyResult` a copy of the result with its fields in the order errors, data, extensions (its
 * orderExecutionResultFields), so the text is made in that order and found again by the result's
 * data (or errors) object, which the copy shares.
 */
export function responseSizeLimit(maxBytes: number): { plugin: ApolloServerPlugin; stringifyResult(value: unknown): string } {
  type Result = { errors?: unknown; data?: unknown; extensions?: unknown };
  const texts = new WeakMap<object, Result & { text: string }>();
  const keyOf = (result: Result) => [result.data, result.errors].find((v): v is object => typeof v === "object" && v !== null);
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== "single") return;
            const { errors, data, extensions } = response.body.singleResult;
            const text = `${JSON.stringify({ errors, data, extensions })}\n`;
            const bytes = Buffer.byteLength(text);
            if (bytes <= maxBytes) {
              const key = keyOf(response.body.singleResult);
              if (key) texts.set(key, { errors, data, extensions, text });
              return;
            }
            response.body.singleResult = {
              errors: [
                {
                  message: `The answer would be ${bytes.toLocaleString("en")} bytes, over the limit of ${maxBytes.toLocaleString("en")}: ask for fewer fields or rows, or less geometry detail.`,
                  extensions: { code: "RESPONSE_TOO_LARGE" },
                },
              ],
            };
            response.http.status = 400;
          },
        };
      },
    },
    stringifyResult: (value) => {
      const result = value as Result;
      const key = typeof value === "object" && value ? keyOf(result) : undefined;
      const kept = key && texts.get(key);
      if (kept && kept.errors === result.errors && kept.data === result.data && kept.extensions === result.extensions) return kept.text;
      return `${JSON.stringify(value)}\n`;
    },
  };
}
