// A subgraph's answer as @apollo/gateway reads it (the Fetcher API's response): the status,
// the headers and a body already read in full, so that reading it costs no stream.
import type { IncomingHttpHeaders } from "node:http";
import type { FetcherHeaders, FetcherResponse } from "@apollo/utils.fetcher";

function headersOf(raw: IncomingHttpHeaders): FetcherHeaders {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

export class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly ok: boolean;
  readonly headers: FetcherHeaders;
  #bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders | FetcherHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = headers instanceof Headers ? headers : headersOf(headers as IncomingHttpHeaders);
  }

  get bodyUsed(): boolean {
    return this.#bodyUsed;
  }

  async text(): Promise<string> {
    this.#bodyUsed = true;
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): SubgraphResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}
