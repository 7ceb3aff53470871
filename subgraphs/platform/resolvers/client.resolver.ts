import { createPublicKey, randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { ClientKey } from '../entities/client-key.entity';
import { Client } from '../entities/client.entity';
import { Purpose } from '../entities/purpose.entity';
import { RegisterClientInput, UpdateClientInput } from '../inputs/client.input';
import type { PlatformContext } from '../platform-context';
import { assertAgency, assertClientId, assertRateLimit, assertScopes } from '../rules/client.rules';

const ADMIN = '@requiresScopes(scopes: [["platform.admin"]])';

async function assertPurposes(ctx: PlatformContext, codes: readonly string[]): Promise<void> {
  const known = new Set((await ctx.em.find(Purpose, { code: { $in: [...codes] } })).map((p) => p.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) {
    throw urError('BAD_USER_INPUT', `Unregistered purposes: ${unknown.join(', ')}. Register them first.`, {
      argument: 'purposes',
    });
  }
}

async function findClient(ctx: PlatformContext, id: string): Promise<Client> {
  const client = await ctx.em.findOne(Client, { id });
  if (!client) throw urError('NOT_FOUND', `No client "${id}".`, { argument: 'id' });
  return client;
}

/** The client registry: platform administrators only. Changes apply on the client's next request. */
@Resolver(() => Client)
export class ClientResolver {
  @Directive(ADMIN)
  @Query(() => [Client], { nullable: true, description: 'Every registered client.' })
  clients(@Ctx() ctx: PlatformContext): Promise<Client[]> {
    return ctx.em.find(Client, {}, { orderBy: { id: 'asc' } });
  }

  @Directive(ADMIN)
  @Query(() => Client, { nullable: true })
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: PlatformContext): Promise<Client | null> {
    return ctx.loaders.one(Client).load(id);
  }

  @FieldResolver(() => [ClientKey], { description: 'Keys the client signs its own tokens with.' })
  keys(@Root() client: Client, @Ctx() ctx: PlatformContext): Promise<ClientKey[]> {
    return ctx.loaders.many(ClientKey, 'clientId').load(client.id);
  }

  @Directive(ADMIN)
  @Mutation(() => Client, { description: 'Registers a client; it can then be issued tokens.' })
  async registerClient(
    @Arg('input', () => RegisterClientInput) input: RegisterClientInput,
    @Ctx() ctx: PlatformContext,
  ) {
    assertClientId(input.id);
    assertAgency(input.agency);
    assertScopes(input.scopes);
    const rate = input.rateLimitPerMinute ?? 600;
    assertRateLimit(rate);
    await assertPurposes(ctx, input.purposes);
    if (await ctx.em.findOne(Client, { id: input.id })) {
      throw urError('BAD_USER_INPUT', `Client "${input.id}" is already registered.`, { argument: 'id' });
    }
    const client = ctx.em.create(Client, {
      ...input,
      rateLimitPerMinute: rate,
      status: 'ACTIVE',
      updatedAt: new Date().toISOString(),
    });
    await ctx.em.flush();
    return client;
  }

  @Directive(ADMIN)
  @Mutation(() => Client, { description: 'Changes a client’s name, scopes, purposes or rate limit.' })
  async updateClient(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateClientInput) input: UpdateClientInput,
    @Ctx() ctx: PlatformContext,
  ): Promise<Client> {
    const client = await findClient(ctx, id);
    if (input.scopes) assertScopes(input.scopes);
    if (input.rateLimitPerMinute !== undefined && input.rateLimitPerMinute !== null) {
      assertRateLimit(input.rateLimitPerMinute);
    }
    if (input.purposes) await assertPurposes(ctx, input.purposes);
    for (const [k, v] of Object.entries(input))
      if (v !== undefined && v !== null) Object.assign(client, { [k]: v });
    client.updatedAt = new Date().toISOString();
    await ctx.em.flush();
    return client;
  }

  @Directive(ADMIN)
  @Mutation(() => Client, {
    description: 'Suspends a client: its next request is refused (CLIENT_SUSPENDED).',
  })
  async suspendClient(@Arg('id', () => ID) id: string, @Ctx() ctx: PlatformContext): Promise<Client> {
    return this.setStatus(ctx, id, 'ACTIVE', 'SUSPENDED');
  }

  @Directive(ADMIN)
  @Mutation(() => Client, { description: 'Lifts a suspension.' })
  async reactivateClient(@Arg('id', () => ID) id: string, @Ctx() ctx: PlatformContext): Promise<Client> {
    return this.setStatus(ctx, id, 'SUSPENDED', 'ACTIVE');
  }

  @Directive(ADMIN)
  @Mutation(() => ClientKey, {
    description: 'Registers an Ed25519 public key (SPKI PEM) the client signs tokens with.',
  })
  async addClientKey(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('publicKeyPem', () => String) publicKeyPem: string,
    @Ctx() ctx: PlatformContext,
  ): Promise<ClientKey> {
    await findClient(ctx, clientId);
    let type: string | undefined;
    try {
      type = createPublicKey(publicKeyPem).asymmetricKeyType;
    } catch {
      type = undefined;
    }
    if (type !== 'ed25519') {
      throw urError('BAD_USER_INPUT', 'publicKeyPem must be an Ed25519 public key in SPKI PEM form.', {
        argument: 'publicKeyPem',
      });
    }
    const key = ctx.em.create(ClientKey, {
      id: `${clientId}-${randomUUID().slice(0, 8)}`,
      clientId,
      publicKeyPem,
      status: 'ACTIVE',
      createdAt: new Date().toISOString(),
    });
    await ctx.em.flush();
    return key;
  }

  @Directive(ADMIN)
  @Mutation(() => ClientKey, {
    description: 'Revokes a client key: tokens signed with it are refused from now on.',
  })
  async revokeClientKey(@Arg('id', () => ID) id: string, @Ctx() ctx: PlatformContext): Promise<ClientKey> {
    const key = await ctx.em.findOne(ClientKey, { id });
    if (!key) throw urError('NOT_FOUND', `No client key "${id}".`, { argument: 'id' });
    if (key.status === 'REVOKED')
      throw urError('INVALID_STATE_TRANSITION', `Key "${id}" is already revoked.`);
    key.status = 'REVOKED';
    key.revokedAt = new Date().toISOString();
    await ctx.em.flush();
    return key;
  }

  private async setStatus(ctx: PlatformContext, id: string, from: Client['status'], to: Client['status']) {
    const client = await findClient(ctx, id);
    if (client.status !== from) {
      throw urError(
        'INVALID_STATE_TRANSITION',
        `Client "${id}" is ${client.status}; only a ${from} client can become ${to}.`,
      );
    }
    client.status = to;
    client.updatedAt = new Date().toISOString();
    await ctx.em.flush();
    return client;
  }
}
