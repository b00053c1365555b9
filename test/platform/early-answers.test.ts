// Answers made before Express (platform/http/early-answers.ts): a request the answerer answers
// is sent with the request ID, CORS and log line Express's chain would give it; one it leaves,
// or one whose body cannot be read, goes on to Express and Apollo as if nothing had read it. A
// small schema of its own, no database: the gateway's use of it is in
// test/gateway/early-cache-hits.e2e.test.ts.
import net from "node:net";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corsMiddleware } from "../../gateway/cors.js";
import { apiKeyEntry, newApiKey, parseApiKeyEntries } from "../../platform/config/api-keys.js";
import type { EarlyRequest } from "../../platform/http/early-answers.js";
import { GraphQLHttpServer, type RunningServer } from "../../platform/http/http-server.js";
import { type RawRequest, sendRaw } from "../support/raw-http.js";

const KEY = newApiKey();
const { entries: API_KEYS } = parseApiKeyEntries(apiKeyEntry("rita", "reader", KEY));
const ALLOWED_ORIGIN = "https://app.example";
const MAX_BODY_BYTES = 4096;
const EARLY_BODY = Buffer.from(JSON.stringify({ data: { greeting: "from the answerer" } }));

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: { greeting: { type: GraphQLString, args: { name: { type: GraphQLString } }, resolve: (_root, { name }) => `hello ${name ?? "you"} from Apollo` } },
  }),
});

/** A request to the server at `url`, on `path` (/graphql when left out). */
const send = (url: string, { path, ...options }: RawRequest & { path?: string }) => sendRaw(new URL(path ?? "/graphql", url), options);

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  send(url, { headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("answers made before Express", () => {
  const asked: EarlyRequest[] = [];
  const lines: Record<string, unknown>[] = [];
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    server = await new GraphQLHttpServer({
      schema,
      paths: ["/", "/graphql"],
      introspection: false,
      createContext: () => ({}),
      apiKeys: API_KEYS,
      cors: corsMiddleware([ALLOWED_ORIGIN]),
      maxRequestBodyBytes: MAX_BODY_BYTES,
      logger,
      earlyAnswerer: async (request) => {
        asked.push(request);
        const fields = request.fields as Record<string, unknown> | undefined;
        if (fields?.query === "{ early }")
          return { body: EARLY_BODY, headers: { "content-type": "application/json; charset=utf-8", "x-answered": "early" }, vary: "authorization" };
        if (fields?.query === "{ broken }") throw new Error("the answerer failed");
        // Thinks a while, then leaves it to Express: the time counts in the request's line.
        if (fields?.query === "query Slow { greeting }") await new Promise((resolve) => setTimeout(resolve, 150));
        return undefined;
      },
    }).listen(0, "127.0.0.1");
    url = server.url;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("sends the answerer's answer with the request ID, CORS headers and Vary that Express's chain would give it", async () => {
    const answer = await postJson(url, { query: "{ early }" }, { origin: ALLOWED_ORIGIN, "x-request-id": "early-answer-1" });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(EARLY_BODY.toString());
    expect(answer.headers).toMatchObject({
      "x-answered": "early",
      "content-type": "application/json; charset=utf-8",
      "content-length": String(EARLY_BODY.byteLength),
      "x-request-id": "early-answer-1",
      "access-control-allow-origin": ALLOWED_ORIGIN,
      "access-control-expose-headers": "x-request-id",
      vary: "Origin, authorization",
    });
    expect(answer.headers["x-powered-by"]).toBeUndefined();
    // An origin not allowed gets no CORS header, so the browser refuses the answer.
    const elsewhere = await postJson(url, { query: "{ early }" }, { origin: "https://elsewhere.example" });
    expect(elsewhere.headers["access-control-allow-origin"]).toBeUndefined();
    expect(elsewhere.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives the answerer the body or query string as Express reads it, and the caller from the key", async () => {
    asked.length = 0;
    await postJson(url, { query: "{ early }", variables: { a: 1 } }, { authorization: `Bearer ${KEY}` });
    await send(url, { method: "GET", path: "/?query=%7B%20early%20%7D&operationName=Early", headers: { "apollo-require-preflight": "1" } });
    await postJson(url, { query: "{ early }" }, { authorization: "Bearer not-a-key-of-ours" });
    expect(asked.map(({ fields, caller }) => ({ fields, caller }))).toEqual([
      { fields: { query: "{ early }", variables: { a: 1 } }, caller: { kind: "key", keyName: "rita", role: "reader" } },
      { fields: { query: "{ early }", operationName: "Early" }, caller: { kind: "anonymous" } },
      { fields: { query: "{ early }" }, caller: { kind: "unrecognised" } },
    ]);
  });

  it("leaves the rest to Express and Apollo, which run the operation from the body read before them", async () => {
    const post = await postJson(url, { query: "query Hello($name: String) { greeting(name: $name) }", variables: { name: "Rita" } });
    expect(JSON.parse(post.body)).toEqual({ data: { greeting: "hello Rita from Apollo" } });
    const get = await send(url, { method: "GET", path: "/graphql?query=%7B%20greeting%20%7D", headers: { "apollo-require-preflight": "1" } });
    expect(JSON.parse(get.body)).toEqual({ data: { greeting: "hello you from Apollo" } });
    // When the answerer fails, Express answers as if it had not been asked.
    const failed = await postJson(url, { query: "{ broken }" });
    expect(JSON.parse(failed.body).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses through Express a body it could not read: not JSON, too large by its length or only once read", async () => {
    asked.length = 0;
    const notJson = await send(url, { headers: { "content-type": "application/json", "x-request-id": "unreadable" }, body: '{"query": ' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
    expect(notJson.headers["x-request-id"]).toBe("unreadable");
    const large = JSON.stringify({ query: "{ early }", padding: "x".repeat(MAX_BODY_BYTES) });
    for (const chunked of [false, true]) {
      const tooLarge = await send(url, { headers: { "content-type": "application/json" }, body: large, chunked });
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    }
    expect(asked).toEqual([]);
    // The log line of a refused body is Express's, under the same request ID.
    expect(lines.find((line) => line.requestId === "unreadable")).toMatchObject({ status: 400, method: "POST", path: "/graphql" });
  });

  it("lives on when a client goes away in the middle of its body, and asks the answerer nothing for it", async () => {
    asked.length = 0;
    const { port } = new URL(url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query": "{ ear`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on("close", () => resolve());
    });
    expect(asked).toEqual([]);
    const after = await postJson(url, { query: "{ early }" });
    expect(after.body).toBe(EARLY_BODY.toString());
  });

  it("gives a POST that is not JSON no fields, and Apollo refuses it as before", async () => {
    asked.length = 0;
    const form = await send(url, { headers: { "content-type": "text/plain" }, body: "{ early }" });
    expect(asked.map(({ fields }) => fields)).toEqual([undefined]);
    expect(form.status).toBe(400);
    expect(form.body).toContain("CSRF");
  });

  it("asks only about GET and POST on the GraphQL paths", async () => {
    asked.length = 0;
    expect((await send(url, { method: "GET", path: "/health" })).status).toBe(200);
    expect((await send(url, { method: "OPTIONS", headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST" } })).status).toBe(204);
    await send(url, { path: "/graphql/elsewhere", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ early }" }) });
    expect(asked).toEqual([]);
  });

  it("times a request left to Express from its arrival, the time before Express included", async () => {
    await postJson(url, { query: "query Slow { greeting }" }, { "x-request-id": "thought-about" });
    await expect.poll(() => lines.find((logged) => logged.requestId === "thought-about")).toMatchObject({ operationName: "Slow", status: 200 });
    expect(lines.find((logged) => logged.requestId === "thought-about")!.durationMs).toBeGreaterThanOrEqual(140);
  });

  it("logs an early answer's line as Express's chain would: request ID, operation, caller, status, duration", async () => {
    await postJson(url, { query: "{ early }", operationName: "Early" }, { authorization: `Bearer ${KEY}`, "x-request-id": "early-logged" });
    await expect
      .poll(() => lines.find((line) => line.requestId === "early-logged"))
      .toMatchObject({
        msg: "request",
        method: "POST",
        path: "/graphql",
        operationName: "Early",
        keyName: "rita",
        role: "reader",
        status: 200,
        durationMs: expect.any(Number),
      });
  });
});
