import { parse } from 'graphql';
import type { BenchSubgraph } from './subgraph-server';

/** The public benchmark's `products` subgraph: nine products with price and weight. */
export interface Product {
  readonly upc: string;
  readonly name: string;
  readonly price: number;
  readonly weight: number;
}

export const PRODUCTS: readonly Product[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Glass', price: 15, weight: 20 },
  { upc: '4', name: 'Chair', price: 499, weight: 100 },
  { upc: '5', name: 'TV', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300 },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000 },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000 },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800 },
];

const byUpc = new Map(PRODUCTS.map((p) => [p.upc, p]));

/** The largest list the sweep asks for; a bound, as every list field should have. */
export const MAX_PRODUCTS_N = 10_000;

export const products: BenchSubgraph = {
  name: 'products',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Query {
      topProducts(first: Int = 5): [Product]
      "For the list sweep: n items cycling over the nine products (so at most nine distinct keys)."
      productsN(n: Int!): [Product]
    }

    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }
  `),
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first?: number | null }) => PRODUCTS.slice(0, first ?? 5),
      productsN: (_: unknown, { n }: { n: number }) =>
        Array.from(
          { length: Math.max(0, Math.min(n, MAX_PRODUCTS_N)) },
          (_x, i) => PRODUCTS[i % PRODUCTS.length],
        ),
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => byUpc.get(ref.upc) ?? null,
    },
  },
};
