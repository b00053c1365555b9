// Who may read /metrics. Its series tell a stranger the operations clients run, how often they
// fail and how loaded the process is; in production it is served only with an access token
// (METRICS_TOKEN), which Prometheus sends as `Authorization: Bearer <token>` (its scrape
// config's `authorization: { credentials: … }`). In development it stays open, as before.
import type { RequestHandler } from "express";
import { secretsMatch } from "../http/subgraph-secret.js";

export interface MetricsAccess {
  /** METRICS_ENABLED; on when undefined. */
  enabled?: boolean;
  isProduction: boolean;
  /** METRICS_TOKEN; /metrics is then served only to requests that carry it. */
  token?: string;
}

/** Whether a server has a /metrics at all: in production only with a token. */
export function servesMetrics(access: MetricsAccess): boolean {
  return access.enabled !== false && (!access.isProduction || access.token !== undefined);
}

/** Answers 401 to a scrape without `Authorization: Bearer <token>`; compared in constant time. */
export function requireMetricsToken(token: string): RequestHandler {
  return (request, response, next) => {
    const given = /^Bearer (.+)$/.exec(request.get("authorization") ?? "")?.[1];
    if (given !== undefined && secretsMatch(given, token)) return next();
    response
      .status(401)
      .setHeader("www-authenticate", "Bearer")
      .type("text/plain")
      .send("/metrics needs the metrics token: Authorization: Bearer <METRICS_TOKEN>\n");
  };
}
