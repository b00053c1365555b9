/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the gateway answers GraphQL, e.g. https://graph.example.org/ (http://localhost:4000/ when unset). */
  readonly VITE_GATEWAY_URL?: string;
}
