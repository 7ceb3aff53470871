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

/** A client as looked up for a request. */
export interface FoundClient extends RegisteredClient {
  /** Whether the purpose asked about is in the platform's purpose register. */
  readonly purposeRegistered: boolean;
}

export interface RegisteredKey {
  readonly id: string;
  readonly clientId: string;
  readonly publicKeyPem: string;
  readonly status: 'ACTIVE' | 'REVOKED';
}

/**
 * Where the router looks callers up, on every request: a suspension, a scope change or a key
 * revocation takes effect with no restart (through CachedClientRegistry: on the next request of
 * the router that made it, within a second on the others).
 */
export interface ClientRegistry {
  /**
   * The client, and whether `purpose` is a registered purpose (false when none is given): both
   * in one lookup, since every request with a purpose needs both.
   */
  findClient(id: string, purpose?: string | null): Promise<FoundClient | undefined>;
  findKey(id: string): Promise<RegisteredKey | undefined>;
}
