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

/** The editor's web workers, shipped beside GraphiQL, by the label Monaco asks for. */
const MONACO_WORKERS = { json: "json.worker.bundle.js", graphql: "graphql.worker..bundle.js", default: "editor.worker.bundle.js" };

/**
 * GraphiQL's start, as a script of its own: the Content-Security-Policy allows no inline script.
 * Its Monaco editor needs to be told where its workers are (else every editor throws on start).
 */
export const GRAPHIQL_INIT = `self.MonacoEnvironment = {
  getWorker(_, label) {
    const workers = ${JSON.stringify(MONACO_WORKERS)};
    return new Worker("/graphiql-assets/monacoeditorwork/" + (workers[label] || workers.default));
  },
};
YogaGraphiQL.renderYogaGraphiQL(document.getElementById("graphiql"), { endpoint: "/graphql", title: "Cakupan" });
`;
