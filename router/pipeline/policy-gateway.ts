import { createHash } from 'node:crypto';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
} from '@apollo/server-gateway-interface';
import { urError } from '../../kit/errors/ur-error';
import type { Policy } from '../../kit/policy/read-policy';
import type { RouterContext } from '../router-context';
import { type Authorization, authorizeOperation } from './authorize-operation';
import { POLICIES } from '../../kit/policy/requirement';
import { type GraphQLError, type GraphQLSchema, Kind } from 'graphql';
import type { FallbackGateway } from '../execution/fallback-gateway';
import { nullifyDeniedFields } from './nullify-denied-fields';
import type { PlanExecutor } from '../execution/plan-executor';
import { BoundedCache } from '../../kit/cache/bounded-cache';

export type AuthzMode = 'filter' | 'reject';

/** Policy verdicts kept (operation × what the caller holds); the oldest goes first beyond this. */
const VERDICT_CACHE_SIZE = 5000;

/**
 * The purpose step: a client that may read personal data by scope but declared no purpose is
 * refused whole, not given a partial answer (a purpose is a legal precondition, not a filter).
 */
function purposeRefusal(auth: Authorization, isClient: boolean): GraphQLError | undefined {
  if (!isClient) return undefined;
  const fields = auth.denials
    .filter(
      (d) => d.verdict.missingPolicies.includes(POLICIES.personalData) && !d.verdict.missingScopes.length,
    )
    .map((d) => d.coordinate);
  if (!fields.length) return undefined;
  return urError(
    'PURPOSE_REQUIRED',
    `This operation reads personal data (${[...new Set(fields)].join(', ')}): declare your purpose in the ur-purpose header.`,
    { fields: [...new Set(fields)] },
  );
}

/** Apollo Server leaves resolving the operation to the gateway: the error names the choices. */
function operationNotResolved(rc: GatewayGraphQLRequestContext<RouterContext>): GraphQLError {
  const names = rc.document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
  );
  const asked = rc.request.operationName;
  return urError(
    'OPERATION_RESOLUTION_FAILURE',
    asked === undefined
      ? `The document holds ${names.length} operations (${names.join(', ')}): name the one to run in operationName.`
      : `The document has no operation named "${asked}"; it has ${names.join(', ')}.`,
    { operations: names },
  );
}

/**
 * The gateway Apollo Server runs operations through: the policy step in front of the router's
 * executor (or @apollo/gateway's, for what it leaves to it). The operation is authorized before it is planned, denied fields are taken out of the plan (filter) or the operation is
 * refused whole (reject), and denied fields are nulled in the answer with their errors.
 */
export class PolicyGateway implements GatewayInterface {
  private readonly verdicts = new BoundedCache<string, Authorization>(VERDICT_CACHE_SIZE);

  private readonly schemaListeners = new Set<Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]>();

  constructor(
    /** The API schema Apollo Server validates against, and the supergraph it came from. */
    private readonly schema: { readonly apiSchema: GraphQLSchema; readonly coreSupergraphSdl: string },
    /** @apollo/gateway, for the operations the router's own executor leaves to it. */
    private readonly fallback: FallbackGateway,
    private readonly policy: Policy,
    private readonly mode: AuthzMode,
    /** A candidate policy evaluated beside the real one and reported, never enforced. */
    private readonly dryRun?: Policy,
    /** The router's own plan executor; without it, everything goes to @apollo/gateway. */
    private readonly plans?: PlanExecutor,
  ) {}

  /** The supergraph is static: it is announced once, on load. */
  async load(): Promise<GatewayLoadResult> {
    if (!this.plans) await this.fallback.load();
    for (const listener of this.schemaListeners) listener(this.schema);
    return { executor: this.executor(this.fallback.executor) };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]) {
    this.schemaListeners.add(callback);
    return () => {
      this.schemaListeners.delete(callback);
    };
  }

  stop(): Promise<void> {
    return this.fallback.stop();
  }

  private executor(execute: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const result = await this.run(requestContext as GatewayGraphQLRequestContext<RouterContext>, execute);
      if (!result) throw new Error('@apollo/gateway answered nothing');
      return result;
    };
  }

  /**
   * The same policy step and execution for the router's direct path (no Apollo Server around it):
   * `undefined` when only @apollo/gateway's executor could run the operation. Nothing has been
   * fetched then, so the request can be handed to Apollo Server whole.
   */
  executeOwn(rc: GatewayGraphQLRequestContext<RouterContext>): Promise<GatewayExecutionResult | undefined> {
    return this.run(rc, undefined);
  }

  private async run(
    rc: GatewayGraphQLRequestContext<RouterContext>,
    fallback: GatewayExecutor | undefined,
  ): Promise<GatewayExecutionResult | undefined> {
    if (!rc.operation) return { errors: [operationNotResolved(rc)] };
    const kind = rc.operation.operation;
    if (!rc.schema.getRootType(kind)) {
      const refusal = urError('GRAPHQL_VALIDATION_FAILED', `The national graph has no ${kind} operations.`);
      return { errors: [refusal] };
    }
    const result = await this.enforce(rc, fallback);
    if (!result || !this.dryRun) return result;
    const now = new Set(rc.context.authorization?.deniedFields);
    const next = new Set(
      authorizeOperation(rc.schema, this.dryRun, rc.document, rc.operation, rc.context.caller).deniedFields,
    );
    const report = {
      wouldDeny: [...next].filter((c) => !now.has(c)).sort(),
      wouldAllow: [...now].filter((c) => !next.has(c)).sort(),
    };
    return { ...result, extensions: { ...result.extensions, urPolicyDryRun: report } };
  }

  /**
   * The policy verdict depends only on the operation and on what the caller holds (signed in or
   * not, scopes, a declared purpose), not on who the caller is: it is computed once per pair.
   */
  private authorize(rc: GatewayGraphQLRequestContext<RouterContext>): Authorization {
    const { caller } = rc.context;
    const holds = `${caller.clientId !== null || caller.citizenId !== null}|${caller.purpose ? 1 : 0}|${[...caller.scopes].sort().join(' ')}`;
    const key = `${rc.queryHash}\0${rc.request.operationName ?? ''}\0${holds}`;
    return this.verdicts.getOrSet(key, () =>
      authorizeOperation(rc.schema, this.policy, rc.document, rc.operation, caller),
    );
  }

  private async enforce(
    rc: GatewayGraphQLRequestContext<RouterContext>,
    fallback: GatewayExecutor | undefined,
  ): Promise<GatewayExecutionResult | undefined> {
    const auth = this.authorize(rc);
    rc.context.authorization = auth;
    const refusal = purposeRefusal(auth, rc.context.caller.clientId !== null);
    if (refusal) {
      if (rc.response?.http) rc.response.http.status = 403;
      return { errors: [refusal] };
    }
    const operationKey = `${rc.queryHash}\0${rc.request.operationName ?? ''}`;
    if (!auth.denials.length) {
      return (await this.plans?.execute(rc, rc.document, operationKey)) ?? fallback?.(rc);
    }
    if (this.mode === 'reject') {
      const fields = auth.deniedFields;
      if (rc.response?.http) rc.response.http.status = 403;
      return {
        errors: [
          urError('OPERATION_REJECTED', `Operation rejected: you may not read ${fields.join(', ')}.`, {
            deniedFields: fields,
            missingScopes: [...new Set(auth.denials.flatMap((d) => d.verdict.missingScopes))],
          }),
        ],
      };
    }
    // Plans are cached by operation: the filtered document needs a key of its own.
    const denied = auth.deniedFields.join(',');
    const result =
      (await this.plans?.execute(rc, auth.document, `${operationKey}\0${denied}`)) ??
      (await fallback?.({
        ...rc,
        document: auth.document,
        queryHash: createHash('sha256').update(`${rc.queryHash}|${denied}`).digest('hex'),
      }));
    if (!result) return undefined;
    const { data, errors } = nullifyDeniedFields(result.data, auth.denials);
    return { ...result, data, errors: [...errors, ...(result.errors ?? [])] };
  }
}
