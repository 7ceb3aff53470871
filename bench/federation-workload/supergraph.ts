import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { accounts } from './accounts';
import { inventory } from './inventory';
import { products } from './products';
import { reviews } from './reviews';
import type { BenchSubgraph } from './subgraph-server';

/** The four subgraphs of the public federation benchmark, in the order of its supergraph. */
export const FEDERATION_SUBGRAPHS: readonly BenchSubgraph[] = [accounts, inventory, products, reviews];

/** Composes the benchmark's supergraph at start (nothing committed to drift) with the given routing URLs. */
export function composeFederationSupergraph(urls: Readonly<Record<string, string>>): string {
  const result = composeServices(
    FEDERATION_SUBGRAPHS.map((s) => ({
      name: s.name,
      typeDefs: s.typeDefs,
      url: urls[s.name] ?? `http://127.0.0.1:9/${s.name}`,
    })),
  );
  if (result.errors) {
    throw new Error(
      `benchmark supergraph does not compose: ${result.errors.map((e) => e.message).join('; ')}`,
    );
  }
  return result.supergraphSdl;
}

/** The standard query: users → reviews → product → reviews → author → reviews → product, and topProducts. */
export const STANDARD_QUERY = readFileSync(join(__dirname, 'query.graphql'), 'utf8');

/** Answered by `accounts` alone: the pass-through query. */
export const PASS_THROUGH_QUERY = '{ me { id name username } }';

/** The list sweep: n products, each needing an inventory fetch (with `@requires`) and a reviews fetch. */
export const SWEEP_QUERY =
  'query Sweep($n: Int!) { productsN(n: $n) { upc name inStock shippingEstimate reviews { body } } }';
