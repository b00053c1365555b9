// The reference web client: Apollo Client on the gateway, from a page on another origin
// (the gateway's CORS_ORIGINS must allow it; in development any page on this machine is).
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { IncidentPages } from "./incident-pages.js";
import { SeedStory } from "./seed-story.js";
import "./styles.css";

const client = new ApolloClient({
  link: new HttpLink({ uri: import.meta.env.VITE_GATEWAY_URL ?? "http://localhost:4000/" }),
  cache: new InMemoryCache(),
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <main>
        <h1>Meridian</h1>
        <SeedStory />
        <IncidentPages />
      </main>
    </ApolloProvider>
  </StrictMode>,
);
