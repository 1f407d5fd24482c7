import { GraphQLError, type GraphQLSchema, type DocumentNode, Kind, type DefinitionNode, type SelectionSetNode } from "graphql";
import { getComplexity, simpleEstimator } from "graphql-query-complexity";
import type { ApolloServerPlugin } from "@apollo/server";

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, SelectionSetNode>, seen = new Set<string>()): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, fragments, seen) : 1);
    else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, fragments, seen));
    else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      max = Math.max(max, depthOf(fragments.get(s.name.value), fragments, new Set([...seen, s.name.value])));
    }
  }
  return max;
}

/** Depth of the deepest field in the document's operations (fragments followed). */
export function queryDepth(document: DocumentNode): number {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions as readonly DefinitionNode[])
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  let max = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) max = Math.max(max, depthOf(d.selectionSet, fragments));
  return max;
}

const refuse = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** Refuses operations deeper than maxDepth or costlier than maxComplexity, before they run. */
export function limitsPlugin(schema: GraphQLSchema, maxDepth: number, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const depth = queryDepth(document);
          if (depth > maxDepth) throw refuse(`Query depth ${depth} exceeds the limit of ${maxDepth}.`, "QUERY_TOO_DEEP");
          const complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [
              ({ args, childComplexity }) => {
                const size = typeof args.first === "number" ? args.first : 1;
                return childComplexity > 0 ? size * childComplexity + 1 : undefined;
              },
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (complexity > maxComplexity)
            throw refuse(`Query complexity ${complexity} exceeds the limit of ${maxComplexity}.`, "QUERY_TOO_COMPLEX");
        },
      };
    },
  };
}
