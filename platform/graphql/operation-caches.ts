// What each of Apollo's per-operation caches holds, in bytes of heap, so that a cache of
// OPERATION_CACHE_MAX_BYTES really holds no more. A cache keyed by what callers send (every
// distinct operation text is a new entry) must be bounded by what its entries keep alive, or
// distinct large operations fill the heap.
//
// The factors were measured (heap retained per entry after a full GC, Node 20, graphql 16):
// - a parsed document keeps its source text and, through its locations, every token the
//   parser made: 3.3–4.1 times its JSON (the nodes) plus its text. 2 bytes a character cover
//   text that is not Latin-1;
// - a query plan keeps 5.6–8.9 times its JSON (each fetch's operation, selections, variables);
// - a subgraph's compiled operation is measured as it is made (services/kit/server/compiled-execution.ts).
import type { DocumentNode } from "graphql";
import { ByteBoundedCache } from "./byte-bounded-cache.js";

/** Bytes each operation cache may hold (OPERATION_CACHE_MAX_BYTES). */
export const DEFAULT_OPERATION_CACHE_BYTES = 16 * 1024 * 1024;

const BYTES_PER_CHARACTER = 2;
const DOCUMENT_BYTES_PER_JSON_BYTE = 4;
const QUERY_PLAN_BYTES_PER_JSON_BYTE = 10;

/** What a string keeps: 2 bytes a character cover text that is not Latin-1. */
export const textBytes = (text: string) => text.length * BYTES_PER_CHARACTER;

/** Parsed and validated operations by the hash of their text (Apollo's documentStore). */
export function parsedDocumentCache(maxBytes: number): ByteBoundedCache<DocumentNode> {
  return new ByteBoundedCache<DocumentNode>(
    maxBytes,
    (document, key) => DOCUMENT_BYTES_PER_JSON_BYTE * JSON.stringify(document).length + textBytes(document.loc?.source.body ?? "") + textBytes(key),
  );
}

/** Operation texts by their SHA-256, for automatic persisted queries. */
export function persistedQueryCache(maxBytes: number): ByteBoundedCache<string> {
  return new ByteBoundedCache<string>(maxBytes, (text, key) => textBytes(text) + textBytes(key));
}

/** The gateway's query plans by operation hash and name. */
export function queryPlanCache<TQueryPlan>(maxBytes: number): ByteBoundedCache<TQueryPlan> {
  return new ByteBoundedCache<TQueryPlan>(maxBytes, (plan, key) => QUERY_PLAN_BYTES_PER_JSON_BYTE * JSON.stringify(plan).length + textBytes(key));
}

/** Entries that carry the heap they keep, measured when made (the subgraphs' compiled operations), by key. */
export function measuredEntryCache<T extends { bytes: number }>(maxBytes: number): ByteBoundedCache<T> {
  return new ByteBoundedCache<T>(maxBytes, (entry, key) => entry.bytes + textBytes(key));
}
