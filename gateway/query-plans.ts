// What the gateway reads off the query plans Apollo makes and keeps in its plan cache
// (server.ts): the key a plan is stored under, and the subgraphs a plan fetches from. The
// supergraph is static, so an operation's plan, and what is read off it, never changes.
import { createHash } from "node:crypto";
import type { PlanNode, QueryPlan, SubscriptionNode } from "@apollo/query-planner";

/** The key Apollo's gateway stores an operation's plan under (@apollo/gateway's executor): `queryHash` is the SHA-256 of its text, in hex. */
export function apolloPlanKey(queryHash: string, operationName: string | null | undefined): string {
  return operationName ? createHash("sha256").update(queryHash).update(operationName).digest("hex") : queryHash;
}

/** The subgraphs any fetch of the plan may ask, in both branches of its conditions; none for an answer made by the gateway alone (`__typename`, introspection). */
export function subgraphsOfPlan(plan: QueryPlan): string[] {
  const names = new Set<string>();
  const visit = (node: PlanNode | SubscriptionNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case "Fetch":
        names.add(node.serviceName);
        return;
      case "Sequence":
      case "Parallel":
        for (const child of node.nodes) visit(child);
        return;
      case "Flatten":
        visit(node.node);
        return;
      case "Condition":
        visit(node.ifClause);
        visit(node.elseClause);
        return;
      case "Defer":
        visit(node.primary.node);
        for (const deferred of node.deferred) visit(deferred.node);
        return;
      case "Subscription":
        visit(node.primary);
        visit(node.rest);
        return;
    }
  };
  visit(plan.node);
  return [...names].sort((a, b) => a.localeCompare(b));
}
