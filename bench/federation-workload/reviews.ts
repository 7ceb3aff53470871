import { parse } from 'graphql';
import type { BenchSubgraph } from './subgraph-server';

/** The public benchmark's `reviews` subgraph: eleven reviews of four products. */
export interface Review {
  readonly id: string;
  readonly body: string;
  readonly productUpc: string;
  readonly authorId: string;
}

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et ' +
  'dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ' +
  'ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu ' +
  'fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt ' +
  'mollit anim id est laborum. Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium ' +
  'doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto ' +
  'beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut ' +
  'fugit, sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam ' +
  'est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi ' +
  'tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';

/** Body lengths and products as in the public benchmark; authors cycle over the six users. */
const SHAPE: readonly [length: number, upc: string][] = [
  [446, '1'],
  [290, '1'],
  [270, '1'],
  [145, '1'],
  [446, '2'],
  [290, '2'],
  [270, '2'],
  [145, '2'],
  [145, '3'],
  [145, '4'],
  [950, '4'],
];

export const REVIEWS: readonly Review[] = SHAPE.map(([length, upc], i) => ({
  id: String(i + 1),
  body: LOREM.repeat(2).slice(0, length),
  productUpc: upc,
  authorId: String((i % 6) + 1),
}));

/** The usernames this subgraph keeps for `@provides(fields: "username")` on `Review.author`. */
const USERNAMES: Readonly<Record<string, string>> = {
  '1': 'alihassan',
  '2': 'zainabk',
  '3': 'mjabbar',
  '4': 'noora',
  '5': 'hsalman',
  '6': 'maryamy',
};

const byId = new Map(REVIEWS.map((r) => [r.id, r]));

export const reviews: BenchSubgraph = {
  name: 'reviews',
  typeDefs: parse(`
    extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])

    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }

    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }

    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
  `),
  resolvers: {
    Review: {
      __resolveReference: (ref: { id: string }) => byId.get(ref.id) ?? null,
      product: (review: Review) => ({ upc: review.productUpc }),
      author: (review: Review) => ({ id: review.authorId, username: USERNAMES[review.authorId] ?? null }),
    },
    User: {
      __resolveReference: (ref: { id: string }) => ref,
      reviews: (user: { id: string }) => REVIEWS.filter((r) => r.authorId === user.id),
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => ref,
      reviews: (product: { upc: string }) => REVIEWS.filter((r) => r.productUpc === product.upc),
    },
  },
};
