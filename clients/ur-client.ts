/**
 * A small typed client for the national graph: a token, the purpose and case number of the
 * work at hand, and operations typed by clients/generated/operations.ts.
 *
 *   const ur = urClient({ url, token, purpose: 'SOCIAL_WELFARE_ELIGIBILITY', caseNumber: 'MOLSA-2026-00042' });
 *   const { data } = await ur.request<CitizenDisabilityStatusQuery, CitizenDisabilityStatusQueryVariables>(
 *     CITIZEN_DISABILITY_STATUS, { nationalId });
 */
export interface UrClientOptions {
  /** The router's GraphQL endpoint, e.g. http://localhost:4000/graphql */
  readonly url: string;
  /** A platform token or the client's own signed assertion; omit for anonymous calls. */
  readonly token?: string | (() => Promise<string>);
  /** A registered purpose the client is allowed: required for operations on personal data. */
  readonly purpose?: string;
  readonly caseNumber?: string;
}

export interface UrError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

export interface UrResponse<TData> {
  readonly status: number;
  readonly data: TData | null | undefined;
  readonly errors: readonly UrError[];
  /** The router's request id: quote it when asking about an operation (it is in the audit trail). */
  readonly requestId: string | null;
}

export function urClient(options: UrClientOptions) {
  return {
    async request<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
      query: string,
      variables?: TVariables,
    ): Promise<UrResponse<TData>> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (options.purpose) headers['ur-purpose'] = options.purpose;
      if (options.caseNumber) headers['ur-case'] = options.caseNumber;
      const res = await fetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: TData | null; errors?: UrError[] };
      return {
        status: res.status,
        data: body.data,
        errors: body.errors ?? [],
        requestId: res.headers.get('ur-request-id'),
      };
    },
  };
}
