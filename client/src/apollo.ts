import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: "/graphql" }),
    // Coverage nodes, regions and series have no id: they stay embedded in their query.
    cache: new InMemoryCache(),
  });
}
