// The callers of the history suites: two editors (alice, bob) and a reader (rita), each with a
// key of their own, and how a client sends an operation as one of them, under a request ID and
// an operation name of its own, as the history records them.
import { apiKeyEntry, newApiKey, parseApiKeyEntries } from "../../platform/config/api-keys.js";
import type { GraphQLResponse } from "./graph.js";

export const KEYS = { alice: newApiKey(), bob: newApiKey(), rita: newApiKey() };

export type KeyName = keyof typeof KEYS;

export const { entries: API_KEYS } = parseApiKeyEntries(
  `${apiKeyEntry("alice", "editor", KEYS.alice)},${apiKeyEntry("bob", "editor", KEYS.bob)},${apiKeyEntry("rita", "reader", KEYS.rita)}`,
);

export interface SendOptions {
  /** Whose key the request carries; none when left out. */
  as?: KeyName;
  variables?: Record<string, unknown>;
  /** The x-request-id the client sends. */
  requestId?: string;
}

/** POSTs an operation to the gateway as a front-end would; the operation's name, if it has one, goes as operationName too. */
export async function sendAs(url: string, query: string, options: SendOptions = {}): Promise<GraphQLResponse> {
  const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.as ? { authorization: `Bearer ${KEYS[options.as]}` } : {}),
      ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables ?? {}, ...(operationName ? { operationName } : {}) }),
  });
  return (await response.json()) as GraphQLResponse;
}

/** The fields of a change the suites compare. */
export const CHANGE_FIELDS = `id at kind entityKind entityId author { keyName role } requestId operationName importRunId reverts revertedBy`;
