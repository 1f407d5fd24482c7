import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApolloProvider } from "@apollo/client/react";
import { createApolloClient } from "./apollo.ts";
import { App } from "./app.tsx";
import { initI18n } from "./i18n/index.ts";
import { parseState } from "./url-state.ts";
import "./styles.css";

const initial = parseState(window.location.search);
initI18n(initial.lang);
document.documentElement.lang = initial.lang;

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      <App initial={initial} />
    </ApolloProvider>
  </StrictMode>,
);
