import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context.ts";

/**
 * A query changes nothing, so its statements may read from a streaming replica (see
 * Database.forRequest); a mutation, and whatever it reads, stays on the primary.
 */
export const readRoutingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation === "query" && contextValue.route) contextValue.route.readOnly = true;
      },
    };
  },
};
