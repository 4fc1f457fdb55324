import type { TokenContext } from "./authenticate-token.js";

/**
 * A short-lived, per-process cache of token lookups: data reads would otherwise cost three queries before any data.
 * Changes made in this process (status moves, publishes, disconnects) drop the connection's entries at once;
 * changes made by another process are seen within `ttlMs` (default 1 s; 0 disables the cache).
 */
export class TokenCache {
  private readonly byHash = new Map<string, { ctx: TokenContext; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /** A fresh entry, or undefined. */
  get(tokenHash: string, nowMs: number): TokenContext | undefined {
    const hit = this.byHash.get(tokenHash);
    if (!hit) return undefined;
    if (hit.until <= nowMs) {
      this.byHash.delete(tokenHash);
      return undefined;
    }
    return hit.ctx;
  }

  /** Remember a lookup. */
  set(tokenHash: string, ctx: TokenContext, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.byHash.size >= this.maxEntries) this.byHash.clear();
    this.byHash.set(tokenHash, { ctx, until: nowMs + this.ttlMs });
  }

  /** Forget every token of a connection (it changed). */
  invalidateConnection(connectionId: string): void {
    for (const [hash, entry] of this.byHash) if (entry.ctx.connection.id === connectionId) this.byHash.delete(hash);
  }
}
