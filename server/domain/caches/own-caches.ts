/**
 * Caches a capability keeps for itself (today: the upload work cache of ops/, live pay statement item rules). Deps holds one `OwnCaches` per
 * process; a capability declares its kind beside its cache and asks `deps.own.of(kind)`. This keeps deps.ts free of
 * imports from capability folders (a cache type named in deps.ts would make the root and that folder a cycle).
 */

/** What every kind may size itself by. */
export interface OwnCacheSettings {
  /** How stale an entry changed by another process may be (`LINNET_AUTH_CACHE_MS`, as for connection states; 0: no caching). */
  ttlMs: number;
}

/** A kind of cache: how to make this process's instance. */
export interface CacheKind<T> {
  /** For diagnostics. */
  readonly name: string;
  /** Makes the instance, on first use. */
  create(settings: OwnCacheSettings): T;
}

/** One instance per kind, made on first use. */
export class OwnCaches {
  private readonly byKind = new Map<CacheKind<unknown>, unknown>();

  constructor(private readonly settings: OwnCacheSettings = { ttlMs: 0 }) {}

  /** This process's instance of `kind`. */
  of<T>(kind: CacheKind<T>): T {
    if (!this.byKind.has(kind)) this.byKind.set(kind, kind.create(this.settings));
    return this.byKind.get(kind) as T;
  }
}
