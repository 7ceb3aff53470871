/** A registered caller of the national graph (an X-Road-style subsystem of an agency). */
export interface RegisteredClient {
  readonly id: string;
  readonly name: string;
  /** Agency code (kit/demo/iraq.json). */
  readonly agency: string;
  readonly scopes: readonly string[];
  /** Purpose codes the client may declare in `ur-purpose`. */
  readonly purposes: readonly string[];
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

export interface ClientRegistry {
  find(id: string): Promise<RegisteredClient | undefined>;
}
