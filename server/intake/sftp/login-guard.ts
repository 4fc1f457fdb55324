/**
 * Brute-force protection the `ssh2` server lacks: failed logins score per address, and an address above the limit
 * is banned for a while (as SFTPGo's defender does). In-process: each API process guards its own listener.
 */
export class LoginGuard {
  private readonly failures = new Map<string, number[]>();
  private readonly bannedUntil = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    /** Failures per address within `windowMs` before a ban. */
    private readonly limit = 10,
    private readonly windowMs = 30 * 60_000,
    private readonly banMs = 30 * 60_000,
  ) {}

  /** True while the address is banned. */
  isBanned(address: string): boolean {
    const until = this.bannedUntil.get(address);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.bannedUntil.delete(address);
    return false;
  }

  /** Count a failed login; returns true when it got the address banned. */
  fail(address: string): boolean {
    const now = this.now();
    const recent = (this.failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
    recent.push(now);
    this.failures.set(address, recent);
    if (recent.length < this.limit) return false;
    this.bannedUntil.set(address, now + this.banMs);
    this.failures.delete(address);
    return true;
  }

  /** A successful login clears the address's score. */
  succeed(address: string): void {
    this.failures.delete(address);
  }
}
