// CORS at the gateway, so that browser apps served from their own origin can use the graph.
// Only the gateway: the subgraphs are private and no browser should ever reach them.
import cors from "cors";
import type { RequestHandler } from "express";
import vary from "vary";
import { type CorsOrigins, isAllowedOrigin } from "../platform/config/cors-origins.js";
import { REQUEST_ID_HEADER } from "../platform/logging/request-log.js";

/** The headers a page may send: JSON bodies, API keys, Apollo's CSRF-safe and client headers, request IDs. */
export const CORS_ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  // Apollo Client's client awareness, which persisted-query lists are kept per.
  "apollographql-client-name",
  "apollographql-client-version",
  REQUEST_ID_HEADER,
];

/** Browsers cache a preflight's answer this long (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * Answers preflights (204) and marks answers to allowed origins with `Access-Control-Allow-Origin`.
 * A preflight from any other origin gets 204 without CORS headers, so the browser refuses the
 * request; without this it would reach Apollo, whose CSRF guard answers OPTIONS with 400. Every
 * answer varies by Origin, so a cache never hands one origin's answer to another.
 */
export function corsMiddleware(origins: CorsOrigins): RequestHandler[] {
  const allowed = cors({
    origin: origins === "*" ? "*" : (origin, callback) => callback(null, isAllowedOrigin(origins, origin)),
    methods: ["GET", "POST"],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
  const refusedPreflight: RequestHandler = (request, response, next) => {
    if (request.method !== "OPTIONS") return next();
    response.status(204).end();
  };
  // Each runs on Node's own request and response too, for an answer sent before Express (platform/http/early-answers.ts).
  const varyByOrigin: RequestHandler = (_request, response, next) => {
    if (origins !== "*") vary(response, "Origin");
    next();
  };
  return [varyByOrigin, allowed, refusedPreflight];
}
