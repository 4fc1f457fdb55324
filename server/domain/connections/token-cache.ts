import type { Result } from "../errors.js";
import type { TokenContext } from "./authenticate-token.js";

/** Looks a token up in the database. */
type Loader = () => Promise<Result<TokenContext>>;

/** An entry: the lookup and until when it is fresh. */
interface Entry {
  ctx: TokenContext;
  until: number;
}

/**
 * A short-lived, per-process cache of token lookups: data reads would otherwise cost three queries before any data.
 * Changes made in this process (status moves, publishes, disconnects) drop the connection's entries at once;
 * changes made by another process are seen within `ttlMs` (default 1 s; 0 disables the cache) plus one lookup.
 *
 * Under load every request in flight would miss together when an entry expires and run the same three queries
 * (on the embedded database, one after another: a latency spike each second). So lookups are single-flight — one
 * lookup per token at a time, the others wait for it — and an entry that expired less than `ttlMs` ago is still
 * answered while one lookup refreshes it in the background.
 */
export class TokenCache {
  private readonly byHash = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Result<TokenContext>>>();
  /** Bumped by every invalidation: a lookup that started before one must not store what it found. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /**
   * The token's context: fresh from the cache, stale while a refresh runs, or from `load` (failures are never
   * cached). Concurrent calls for one token share one `load`.
   */
  async resolve(tokenHash: string, nowMs: number, load: Loader): Promise<Result<TokenContext>> {
    const hit = this.ttlMs > 0 ? this.byHash.get(tokenHash) : undefined;
    if (hit && hit.until > nowMs) return { ok: true, value: hit.ctx };
    if (hit && hit.until + this.ttlMs > nowMs) {
      void this.lookup(tokenHash, nowMs, load).catch(() => this.byHash.delete(tokenHash));
      return { ok: true, value: hit.ctx };
    }
    if (hit) this.byHash.delete(tokenHash);
    return this.lookup(tokenHash, nowMs, load);
  }

  /** Forget every token of a connection (it, or one of its further entities, changed). */
  invalidateConnection(connectionId: string): void {
    this.generation++;
    for (const [hash, entry] of this.byHash) {
      if (entry.ctx.connection.id === connectionId || entry.ctx.entities?.some((e) => e.id === connectionId)) this.byHash.delete(hash);
    }
  }

  /** Forget every token of an application (its settings changed, e.g. the 202 body mode). */
  invalidateApplication(applicationId: string): void {
    this.generation++;
    for (const [hash, entry] of this.byHash) if (entry.ctx.application.id === applicationId) this.byHash.delete(hash);
  }

  /** One lookup per token at a time; its result is stored unless an invalidation happened meanwhile. */
  private lookup(tokenHash: string, nowMs: number, load: Loader): Promise<Result<TokenContext>> {
    const running = this.inFlight.get(tokenHash);
    if (running) return running;
    const generation = this.generation;
    const promise = load()
      .then((result) => {
        if (!result.ok) this.byHash.delete(tokenHash);
        else if (this.ttlMs > 0 && generation === this.generation) this.store(tokenHash, result.value, nowMs);
        return result;
      })
      .finally(() => this.inFlight.delete(tokenHash));
    this.inFlight.set(tokenHash, promise);
    return promise;
  }

  private store(tokenHash: string, ctx: TokenContext, nowMs: number): void {
    if (this.byHash.size >= this.maxEntries) this.byHash.clear();
    this.byHash.set(tokenHash, { ctx, until: nowMs + this.ttlMs });
  }
}
