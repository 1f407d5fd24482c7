import { dirname } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** GraphiQL (graphql-yoga's build) served from node_modules: no CDN, works offline. */
export const GRAPHIQL_ASSETS = dirname(require.resolve("@graphql-yoga/graphiql"));

export const graphiqlPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cakupan GraphQL</title>
<link rel="stylesheet" href="/graphiql-assets/graphiql.css"></head>
<body style="margin:0;height:100vh"><div id="graphiql" style="height:100vh"></div>
<script src="/graphiql-assets/yoga-graphiql.umd.js"></script>
<script src="/graphiql-init.js"></script>
</body></html>`;

/** GraphiQL's start, as a script of its own: the Content-Security-Policy allows no inline script. */
export const GRAPHIQL_INIT = `YogaGraphiQL.renderYogaGraphiQL(document.getElementById("graphiql"), { endpoint: "/graphql", title: "Cakupan" });\n`;
