import { parse } from 'graphql';
import type { BenchSubgraph } from './subgraph-server';

/** The public benchmark's `inventory` subgraph: stock, and a shipping estimate that `@requires` price and weight. */
const IN_STOCK: Readonly<Record<string, boolean>> = {
  '1': true,
  '2': false,
  '3': false,
  '4': false,
  '5': true,
  '6': true,
  '7': true,
  '8': false,
  '9': true,
};

interface ProductReference {
  readonly upc: string;
  readonly price?: number | null;
  readonly weight?: number | null;
}

/** Free above 1000; otherwise half the weight. */
export function shippingEstimate(product: ProductReference): number | null {
  if (product.price === undefined || product.price === null) return null;
  if (product.price > 1000) return 0;
  if (product.weight === undefined || product.weight === null) return null;
  return Math.floor(product.weight / 2);
}

export const inventory: BenchSubgraph = {
  name: 'inventory',
  typeDefs: parse(`
    extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `),
  resolvers: {
    Product: {
      __resolveReference: (ref: ProductReference) => ref,
      inStock: (product: ProductReference) => IN_STOCK[product.upc] ?? null,
      shippingEstimate: (product: ProductReference) => shippingEstimate(product),
    },
  },
};
