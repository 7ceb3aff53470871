/** A registered caller of the national graph (an X-Road-style subsystem of an agency). */
export interface RegisteredClient {
  readonly id: string;
  readonly name: string;
  /** Agency code (kit/demo/iraq.json). */
  readonly agency: string;
  readonly scopes: readonly string[];
  /** Purpose codes the client may declare in `ur-purpose`. */
  readonly purposes: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

export interface RegisteredKey {
  readonly id: string;
  readonly clientId: string;
  readonly publicKeyPem: string;
  readonly status: 'ACTIVE' | 'REVOKED';
}

/**
 * Where the router looks callers up, on every request: a suspension, a scope change or a key
 * revocation takes effect on the next request, with no restart and no cache to expire.
 */
export interface ClientRegistry {
  findClient(id: string): Promise<RegisteredClient | undefined>;
  findKey(id: string): Promise<RegisteredKey | undefined>;
  purposeExists(code: string): Promise<boolean>;
}
