import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { formatArgumentErrors } from "./argument-errors.js";

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  /** A subgraph's schema, or a gateway. */
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  /** Paths the GraphQL endpoint answers on. */
  paths: string[];
  introspection: boolean;
  plugins?: ApolloServerPlugin<TContext>[];
  createContext: (request: express.Request) => Promise<TContext> | TContext;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * An Apollo server on Express with a liveness route. Building is separate from listening so
 * that tests can start a server on a free port (port 0) and stop it.
 */
export class GraphQLHttpServer<TContext extends BaseContext> {
  private readonly app = express();
  private readonly httpServer = http.createServer(this.app);
  private readonly apollo: ApolloServer<TContext>;

  constructor(private readonly options: GraphQLHttpServerOptions<TContext>) {
    const common = {
      introspection: options.introspection,
      formatError: formatArgumentErrors,
      // Apollo would stop itself on SIGINT and re-raise the signal, killing the process
      // before the database is closed; the process's own shutdown stops the servers instead.
      stopOnTerminationSignals: false,
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }), ...(options.plugins ?? [])],
    };
    this.apollo = options.gateway
      ? new ApolloServer<TContext>({ ...common, gateway: options.gateway })
      : new ApolloServer<TContext>({ ...common, schema: options.schema! });
    this.app.get("/health", (_request, response) => {
      response.json({ status: "ok" });
    });
  }

  async listen(port: number, host: string): Promise<RunningServer> {
    await this.apollo.start();
    this.app.use(
      this.options.paths,
      express.json({ limit: "1mb" }),
      expressMiddleware(this.apollo, { context: async ({ req }) => this.options.createContext(req) }),
    );
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once("error", reject);
      this.httpServer.listen(port, host, () => resolve());
    });
    const actualPort = (this.httpServer.address() as AddressInfo).port;
    const displayHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    return {
      url: `http://${displayHost}:${actualPort}${this.options.paths[0]}`,
      port: actualPort,
      stop: () => this.apollo.stop(),
    };
  }
}
