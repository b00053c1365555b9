// An operation the query planner answers with one fetch from one subgraph, whose answer already
// has the shape the client asked for, is answered with that subgraph's data as it came, without
// Apollo's execution of the plan and its result shaping (the lever "single fetches passed through
// unshaped" in bench/LEVERS-10k.md; the supergraph is static, so a decision never goes stale).
//
// Shaping does three things a subgraph's answer may need: it drops what the planner added
// (`__typename`, keys), renames for aliases and fragments, and makes a value null where the
// supergraph's type says it may not be what the subgraph sent. So an operation is passed through
// only when the planner's fetch selects exactly the client's fields, in order, under the same
// names, each of the same type (and enum of the same values) in the subgraph as in the API schema,
// with no type condition other than the parent's own and no directive. That is decided once per
// parsed document, from the plan Apollo made and stored for it (so nothing is planned twice: an
// operation's first request, before its plan is stored, goes through Apollo). Anything else, and
// any answer with errors, goes through Apollo as before; an answer already received is handed to
// Apollo (`takeStashedAnswer`), so nothing is fetched twice.
import type { Supergraph } from "@apollo/federation-internals";
import type { GraphQLDataSource } from "@apollo/gateway";
// Not re-exported by the package's index, though its data sources' `process` takes it.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types.js";
import type { FetchNode, QueryPlan } from "@apollo/query-planner";
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult } from "@apollo/server-gateway-interface";
import { type DocumentNode, type GraphQLSchema, type VariableDefinitionNode, getOperationAST, getVariableValues, parse } from "graphql";
import { Counter } from "prom-client";
import type { ServiceMetrics } from "../platform/metrics/service-metrics.js";
import { answerShape } from "./answer-shape.js";
import { apolloPlanKey } from "./query-plans.js";

type SubgraphAnswer = Awaited<ReturnType<GraphQLDataSource["process"]>>;
type Stashed = { query: string; answer: SubgraphAnswer } | { query: string; error: unknown };

/** What one operation of one document needs to be passed through: its plan's fetch and its variables, or null when it cannot be. */
type Decision = { fetch: FetchNode; variableDefinitions: readonly VariableDefinitionNode[] } | null;

const stashedAnswers = new WeakMap<object, Stashed>();

/**
 * The answer the pass-through already received for this request's fetch, for the data source
 * to give Apollo instead of fetching again (errors are Apollo's to shape and report).
 */
export function takeStashedAnswer(incomingRequestContext: object, query: string): Stashed | undefined {
  const stashed = stashedAnswers.get(incomingRequestContext);
  if (!stashed || stashed.query !== query) return undefined;
  stashedAnswers.delete(incomingRequestContext);
  return stashed;
}

export interface SingleFetchOptions {
  supergraph: Supergraph;
  /** The data source of each subgraph, by name: the gateway's own (buildService). */
  dataSources: ReadonlyMap<string, GraphQLDataSource>;
  /** The gateway's query plan cache (its queryPlannerConfig.cache), where Apollo stores each plan it makes. */
  queryPlans: { get(key: string): Promise<QueryPlan | undefined> };
  metrics?: ServiceMetrics;
}

/** The gateway, answering single-fetch operations whose answers need no shaping itself. */
export function passSingleFetchesThrough(gateway: GatewayInterface, options: SingleFetchOptions): GatewayInterface {
  const subgraphSchemas = new Map<string, GraphQLSchema>();
  for (const subgraph of options.supergraph.subgraphs()) subgraphSchemas.set(subgraph.name, subgraph.schema.toGraphQLJSSchema());
  // By parsed document (Apollo's bounded cache keeps it while the operation is in use), then operation name.
  const decisions = new WeakMap<DocumentNode, Map<string | undefined, Decision>>();
  const answers = options.metrics
    ? new Counter({
        name: "meridian_gateway_answers_total",
        help: "Operations the gateway executed, by how their answer was made: unshaped (one subgraph's answer sent as it came, gateway/single-fetch.ts) or shaped (Apollo's execution of the query plan)",
        labelNames: ["shaping"],
        registers: [options.metrics.registry],
      })
    : undefined;
  /** The operation's decision; undefined while Apollo has not stored its plan (its first request). */
  const decide = async (requestContext: Parameters<GatewayExecutor>[0]): Promise<Decision | undefined> => {
    const { document, schema, queryHash } = requestContext;
    const operationName = requestContext.request.operationName ?? undefined;
    const byName = decisions.get(document) ?? new Map<string | undefined, Decision>();
    if (byName.has(operationName)) return byName.get(operationName)!;
    const plan = await options.queryPlans.get(apolloPlanKey(queryHash, operationName));
    if (!plan) return undefined;
    const decision = passThroughFetch(schema, document, operationName, plan);
    decisions.set(document, byName.set(operationName, decision));
    return decision;
  };

  const passThroughFetch = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, plan: QueryPlan): Decision => {
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== "query") return null;
    const fetch = plan.node;
    if (fetch?.kind !== "Fetch" || fetch.requires) return null;
    if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) return null;
    const subgraphSchema = subgraphSchemas.get(fetch.serviceName);
    if (!subgraphSchema) return null;
    const fetchDocument = fetch.operationDocumentNode ?? parse(fetch.operation);
    const asked = answerShape(schema, document, operationName);
    const fetched = answerShape(subgraphSchema, fetchDocument, fetch.operationName);
    return asked !== null && asked === fetched ? { fetch, variableDefinitions: operation.variableDefinitions ?? [] } : null;
  };

  const wrapExecutor =
    (executor: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      const shaped = () => {
        answers?.inc({ shaping: "shaped" });
        return executor(requestContext);
      };
      const { request, schema } = requestContext;
      // Sandbox's query plan view and Apollo's traces are Apollo's to give.
      if (request.http?.headers.has("apollo-query-plan-experimental") || requestContext.metrics.captureTraces) return shaped();
      const decision = await decide(requestContext);
      const dataSource = decision && options.dataSources.get(decision.fetch.serviceName);
      if (!decision || !dataSource) return shaped();
      // Variables Apollo would refuse, it refuses (before any fetch), with its own errors.
      if (getVariableValues(schema, decision.variableDefinitions, request.variables ?? {}).errors) return shaped();
      const { fetch } = decision;
      let answer: SubgraphAnswer;
      try {
        answer = await dataSource.process({
          kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
          request: { query: fetch.operation, variables: usedVariables(fetch, request.variables), operationName: fetch.operationName },
          incomingRequestContext: requestContext,
          context: requestContext.context,
          document: fetch.operationDocumentNode,
          pathInIncomingRequest: [],
        });
      } catch (error) {
        stashedAnswers.set(requestContext, { query: fetch.operation, error });
        return shaped();
      }
      if (answer.errors?.length || !answer.data) {
        stashedAnswers.set(requestContext, { query: fetch.operation, answer });
        return shaped();
      }
      answers?.inc({ shaping: "unshaped" });
      return { data: answer.data };
    };

  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(loadOptions): Promise<GatewayLoadResult> {
      const loaded = await gateway.load(loadOptions);
      return { ...loaded, executor: loaded.executor && wrapExecutor(loaded.executor) };
    },
  };
}

/** The request's variables the fetch uses, as Apollo's executeFetch picks them. */
function usedVariables(fetch: FetchNode, provided: Record<string, unknown> | undefined): Record<string, unknown> {
  const variables: Record<string, unknown> = Object.create(null);
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  return variables;
}
