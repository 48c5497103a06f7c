/**
 * Login rate limiting, per account and per address: after too many failures in a window, further
 * attempts are refused until the window has passed — even with the right password, so guessing gains
 * nothing. In memory: one server process (a restart clears it, which an attacker cannot cause).
 */
export interface LimiterOptions {
  /** failures allowed per account in the window */
  perAccount: number;
  /** failures allowed per address in the window (an address may hold several accounts) */
  perAddress: number;
  windowMs: number;
  now?: () => number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
  retryAfter(account: string, address: string): number {
    const acc = this.recent(`u:${account.toLowerCase()}`);
    const addr = this.recent(`a:${address}`);
    const blocked = [acc.length >= this.opts.perAccount ? acc : null, addr.length >= this.opts.perAddress ? addr : null].filter((x): x is number[] => x !== null);
    if (!blocked.length) return 0;
    const until = Math.max(...blocked.map((l) => l[0]! + this.opts.windowMs));
    return Math.max(1, Math.ceil((until - this.now()) / 1000));
  }

  fail(account: string, address: string): void {
    for (const key of [`u:${account.toLowerCase()}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(account: string): void {
    this.failures.delete(`u:${account.toLowerCase()}`);
  }
}
