/**
 * Login rate limiting: after too many failures in a window, further attempts are refused until the
 * window has passed — even with the right password, so guessing gains nothing. In memory: one server
 * process (a restart clears it, which an attacker cannot cause).
 *
 * Per address first (issue 24): a stranger who guesses `admin`'s password is stopped by the limit of
 * his own address (and of his address on that account), which locks out nobody else. Only failures
 * from many addresses together (`perAccountAll`, above what one address may make) lock the account
 * itself — and not for an address this account has logged in from before, so the administrator at
 * their own desk is not locked out by a crowd.
 */
export interface LimiterOptions {
  /** failures allowed per account from one address in the window */
  perAccount: number;
  /** failures allowed per address in the window (an address may hold several accounts) */
  perAddress: number;
  /** failures allowed per account from all addresses together; default 10 × perAccount, at least perAddress + 1 */
  perAccountAll?: number;
  windowMs: number;
  now?: () => number;
}

/** Addresses remembered per account as known good, and accounts remembered: bounded memory. */
const KNOWN_PER_ACCOUNT = 20;
const KNOWN_ACCOUNTS = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  /** account → addresses it logged in from successfully, most recent last */
  private readonly known = new Map<string, string[]>();
  private readonly now: () => number;
  private readonly perAccountAll: number;

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? Date.now;
    this.perAccountAll = opts.perAccountAll ?? Math.max(opts.perAccount * 10, opts.perAddress + 1);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private keys(account: string, address: string) {
    const acc = account.toLowerCase();
    return { address: `a:${address}`, pair: `p:${acc}\n${address}`, account: `u:${acc}`, acc };
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
  retryAfter(account: string, address: string): number {
    const k = this.keys(account, address);
    const checks: Array<[number[], number]> = [
      [this.recent(k.address), this.opts.perAddress],
      [this.recent(k.pair), this.opts.perAccount],
    ];
    if (!this.known.get(k.acc)?.includes(address)) checks.push([this.recent(k.account), this.perAccountAll]);
    const blocked = checks.filter(([list, max]) => list.length >= max).map(([list]) => list);
    if (!blocked.length) return 0;
    const until = Math.max(...blocked.map((l) => l[0]! + this.opts.windowMs));
    return Math.max(1, Math.ceil((until - this.now()) / 1000));
  }

  fail(account: string, address: string): void {
    const k = this.keys(account, address);
    for (const key of [k.address, k.pair, k.account]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(account: string, address: string): void {
    const k = this.keys(account, address);
    this.failures.delete(k.pair);
    const list = (this.known.get(k.acc) ?? []).filter((a) => a !== address);
    list.push(address);
    if (list.length > KNOWN_PER_ACCOUNT) list.shift();
    if (!this.known.has(k.acc) && this.known.size >= KNOWN_ACCOUNTS) this.known.delete(this.known.keys().next().value!);
    this.known.set(k.acc, list);
  }
}
