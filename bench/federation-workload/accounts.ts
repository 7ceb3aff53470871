import { parse } from 'graphql';
import type { BenchSubgraph } from './subgraph-server';

/** The public benchmark's `accounts` subgraph: six users, `me` is the first. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly birthday: number;
}

export const USERS: readonly User[] = [
  { id: '1', name: 'Ali Hassan', username: 'alihassan', birthday: 1234567890 },
  { id: '2', name: 'Zainab Kadhim', username: 'zainabk', birthday: 1234567890 },
  { id: '3', name: 'Mustafa Jabbar', username: 'mjabbar', birthday: 1234567890 },
  { id: '4', name: 'Noor Abdulrahman', username: 'noora', birthday: 1234567890 },
  { id: '5', name: 'Haider Salman', username: 'hsalman', birthday: 1234567890 },
  { id: '6', name: 'Maryam Yousif', username: 'maryamy', birthday: 1234567890 },
];

const byId = new Map(USERS.map((u) => [u.id, u]));

export const accounts: BenchSubgraph = {
  name: 'accounts',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }

    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String @shareable
      birthday: Int
    }
  `),
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: (ref: { id: string }) => byId.get(ref.id) ?? null,
    },
  },
};
