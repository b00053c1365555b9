// GraphiQL at /graphiql, served entirely from the project's own node_modules: Sandbox loads
// from Apollo's servers, which an air-gapped user cannot reach; this page loads nothing from
// anywhere but the gateway. It opens with one tab per example operation, the seed story first.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import express from "express";
import type { ExampleOperation } from "../platform/metrics/example-operations.js";

export const GRAPHIQL_PATH = "/graphiql";

const require = createRequire(import.meta.url);
const packageDirectory = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The browser builds the page needs. GraphiQL 4's UMD build bundles everything but React,
 * which it takes from the page's globals; React 18 still ships UMD builds (19 does not).
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": { file: join(packageDirectory("react"), "umd/react.production.min.js"), type: "js" },
  "react-dom.js": { file: join(packageDirectory("react-dom"), "umd/react-dom.production.min.js"), type: "js" },
  "graphiql.js": { file: join(packageDirectory("graphiql"), "graphiql.min.js"), type: "js" },
  "graphiql.css": { file: join(packageDirectory("graphiql"), "graphiql.min.css"), type: "css" },
};

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function page(examples: ExampleOperation[], graphqlPath: string): string {
  const tabs = examples.map((example) => ({ query: example.source }));
  // GraphiQL keeps the user's tabs in localStorage and shows them instead of defaultTabs; kept
  // per set of examples, a changed set opens on the new examples.
  const storagePrefix = `meridian-${createHash("sha256").update(JSON.stringify(tabs)).digest("hex").slice(0, 12)}:`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Meridian · GraphiQL</title>
  <link rel="stylesheet" href="${GRAPHIQL_PATH}/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${GRAPHIQL_PATH}/assets/react.js"></script>
  <script src="${GRAPHIQL_PATH}/assets/react-dom.js"></script>
  <script src="${GRAPHIQL_PATH}/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: new URL(${scriptJson(graphqlPath)}, location.href).href });
    const prefix = ${scriptJson(storagePrefix)};
    const storage = {
      getItem: (key) => localStorage.getItem(prefix + key),
      setItem: (key, value) => localStorage.setItem(prefix + key, value),
      removeItem: (key) => localStorage.removeItem(prefix + key),
      clear: () => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).forEach((key) => localStorage.removeItem(key)),
      get length() { return Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length; },
      key: () => null,
    };
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {
        fetcher,
        storage,
        // One tab per example, the seed story first and open.
        defaultTabs: ${scriptJson(tabs)},
        defaultEditorToolsVisibility: true,
      }, React.createElement(GraphiQL.Logo, null, "Meridian")),
    );
  </script>
</body>
</html>
`;
}

/** GET /graphiql and the four files it loads, for the gateway's Express app. */
export function graphiqlRoutes(examples: ExampleOperation[], graphqlPath = "/graphql"): express.Router {
  const html = page(examples, graphqlPath);
  const router = express.Router();
  router.get(GRAPHIQL_PATH, (_request, response) => {
    response.type("html").send(html);
  });
  router.get(`${GRAPHIQL_PATH}/assets/:name`, (request, response) => {
    const asset = Object.hasOwn(ASSETS, request.params.name) ? ASSETS[request.params.name] : undefined;
    if (!asset) {
      response
        .status(404)
        .type("text")
        .send(`no GraphiQL asset named ${request.params.name}; there are ${Object.keys(ASSETS).join(", ")}`);
      return;
    }
    response.type(asset.type).sendFile(asset.file, { maxAge: "1h" });
  });
  return router;
}
