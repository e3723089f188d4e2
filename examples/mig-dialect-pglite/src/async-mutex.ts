import { MigError } from "@mig/core/dialect";

/**
 * A first-come first-served lock for async work in one process. `acquire` waits at most
 * `timeoutMs` (then `MIG_E_LOCK_TIMEOUT`) and calls `onWait` once when it has to wait.
 *
 * @example
 * ```ts
 * const mutex = new AsyncMutex("the database in ./data");
 * const release = await mutex.acquire({ timeoutMs: 5_000 });
 * try { await work(); } finally { release(); }
 * ```
 */
export class AsyncMutex {
  readonly #what: string;
  #held = false;
  readonly #waiters: Array<() => void> = [];

  constructor(what: string) {
    this.#what = what;
  }

  get held(): boolean {
    return this.#held;
  }

  async acquire(options: { readonly timeoutMs: number; readonly onWait?: (message: string) => void }): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return this.#releaser();
    }
    options.onWait?.(`Waiting for another migration run in this process to release the migration lock on ${this.#what}; giving up after ${options.timeoutMs} ms`);
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(this.#releaser());
      };
      const timer = setTimeout(() => {
        const index = this.#waiters.indexOf(wake);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(
          new MigError("MIG_E_LOCK_TIMEOUT", `Gave up after ${options.timeoutMs} ms waiting for the migration lock on ${this.#what}`, {
            hint: "Another migration run in this process holds it; wait for it to finish and try again.",
            meta: { timeoutMs: options.timeoutMs },
          }),
        );
      }, options.timeoutMs);
      this.#waiters.push(wake);
    });
  }

  /** A release function that works once; the lock passes straight to the next waiter. */
  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next) next();
      else this.#held = false;
    };
  }
}
