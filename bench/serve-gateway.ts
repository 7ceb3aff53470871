import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse, print } from 'graphql';
import { contextKey } from '../kit/auth/context-token';
import { runApollo } from '../kit/http/apollo-handler';
import { readBody } from '../kit/http/read-body';
import { type Listening, serve } from '../kit/http/serve';
import { stripSecurityFeatures } from '../router/supergraph/strip-security-features';
import { answerParent } from './ipc';
import { meterHandlers } from './meter';
import { type PlainGatewayContext, SigningDataSource, signingContext } from './signing-data-source';

export interface ServeGatewayOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Record<string, string>;
  /** Set for the national graph: sign the subgraph context with this secret, once per request. */
  readonly contextSecret?: string;
}

/**
 * Child process: the baseline, a plain `new ApolloGateway({ supergraphSdl })` in a default
 * `new ApolloServer({ gateway })`, served by the same minimal node:http adapter as our router
 * (kit/http `serve` + `runApollo`), so the ratio compares what sits between HTTP and the subgraphs.
 */
let apollo: ApolloServer<PlainGatewayContext> | undefined;
let listening: Listening | undefined;

answerParent({
  ...meterHandlers(),
  async start(payload) {
    const options = payload as ServeGatewayOptions;
    const signing = options.contextSecret !== undefined;
    const key = contextKey(options.contextSecret ?? '');
    const gateway = new ApolloGateway({
      // The gateway refuses a supergraph that links the authorization specs: give it them stripped.
      supergraphSdl: print(stripSecurityFeatures(parse(options.supergraphSdl))),
      buildService: ({ name, url }) => {
        const target = options.subgraphUrls[name] ?? url ?? '';
        return signing
          ? new SigningDataSource({ url: target })
          : new RemoteGraphQLDataSource({ url: target });
      },
    });
    apollo = new ApolloServer<PlainGatewayContext>({ gateway });
    await apollo.start();
    const server = apollo;
    listening = await serve(
      {
        '/graphql': async (req, res) => {
          const body = req.method === 'POST' ? await readBody(req, 1024 * 1024) : '';
          await runApollo(server, req, res, body, async () =>
            signing ? signingContext(req.headers, key) : {},
          );
        },
      },
      0,
      '127.0.0.1',
    );
    return { url: `${listening.url}/graphql` };
  },
  async stop() {
    await listening?.close();
    await apollo?.stop();
    return null;
  },
});
