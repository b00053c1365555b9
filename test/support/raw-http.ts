// A request as a browser, a CDN or a script sends it, over Node's own HTTP client rather than
// fetch (which marks conditional requests no-cache and always sends a length): the answer's
// status, headers and body as text, whatever they are.
import http from "node:http";

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Written in pieces without a Content-Length, so that only reading it tells its size. */
  chunked?: boolean;
  /** A keep-alive agent, to reuse connections as a browser does; a new connection each time when undefined. */
  agent?: http.Agent;
}

/** Sends one request to `url` (POST unless told); resolves with the whole answer. */
export function sendRaw(url: string | URL, options: RawRequest = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { agent: options.agent, method: options.method ?? "POST", headers: options.headers }, (incoming) => {
      let text = "";
      incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode!, headers: incoming.headers, body: text }));
    });
    outgoing.on("error", reject);
    if (options.body !== undefined && !options.chunked) outgoing.setHeader("content-length", Buffer.byteLength(options.body));
    if (options.body !== undefined && options.chunked) {
      for (let at = 0; at < options.body.length; at += 1000) outgoing.write(options.body.slice(at, at + 1000));
    }
    outgoing.end(options.chunked ? undefined : options.body);
  });
}
