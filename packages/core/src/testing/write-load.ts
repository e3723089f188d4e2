/** What a write load saw, from its start to `stop()`. */
export interface WriteLoadFigures {
  /** The longest one write took, in milliseconds: the longest write stall a user would feel. */
  readonly longestMs: number;
  /** Writes completed. */
  readonly writes: number;
}

export interface WriteLoad {
  /** Ends the loop after the write in flight and returns the figures; rethrows a write's failure. */
  stop(): Promise<WriteLoadFigures>;
}

/**
 * Runs `write(i)` (one write: a single-row UPDATE on a connection of its own) in a loop, one at a
 * time, until `stop()`, timing each: how long writers wait while a migration runs. Resolves once
 * the loop has run for `warmUpMs` (default 100), so that the measured operation starts under load.
 *
 * @example
 * ```ts
 * const load = await startWriteLoad((i) => own.query("UPDATE t SET n = n WHERE id = $1", [1 + (i % rows)]));
 * await runForwards({ ... });
 * const { longestMs } = await load.stop();
 * ```
 */
export async function startWriteLoad(write: (i: number) => Promise<unknown>, options: { readonly warmUpMs?: number } = {}): Promise<WriteLoad> {
  let running = true;
  let longestMs = 0;
  let writes = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      await write(i);
      longestMs = Math.max(longestMs, performance.now() - started);
      writes++;
    }
  })();
  // A failing write ends the loop; stop() reports it (not an unhandled rejection meanwhile).
  loop.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, options.warmUpMs ?? 100));
  return {
    async stop() {
      running = false;
      await loop;
      return { longestMs, writes };
    },
  };
}

/** A session holding a lock in the way of a migration, until `release()`. */
export interface LockBlocker {
  release(): Promise<unknown>;
}

/** What a write load saw while a blocker held its lock and `apply` ran. */
export interface BlockedRunFigures<T> extends WriteLoadFigures {
  /** What `apply` returned (the runner's result). */
  readonly result: T;
  /** `performance.now()` when `apply` ended, and when the blocker had let go. */
  readonly finishedAt: number;
  readonly releasedAt: number;
}

/**
 * A lock-wait trial: `write` runs in a loop ({@link startWriteLoad}) while `hold()` takes a lock in
 * another session, released after `holdMs`, and `apply` (a migration) starts `headStartMs` after the
 * lock was taken (default 0). Returns the loop's figures, `apply`'s result, and when each ended, so
 * that a test can tell writers queued behind a waiting migration (a stall near `holdMs`) from a
 * migration that waited without queueing them.
 */
export async function stallUnderBlocker<T>(trial: {
  readonly write: (i: number) => Promise<unknown>;
  readonly hold: () => Promise<LockBlocker>;
  readonly holdMs: number;
  readonly apply: () => Promise<T>;
  readonly headStartMs?: number;
}): Promise<BlockedRunFigures<T>> {
  const load = await startWriteLoad(trial.write);
  try {
    const blocker = await trial.hold();
    const released = new Promise<number>((resolve, reject) => {
      setTimeout(() => blocker.release().then(() => resolve(performance.now()), reject), trial.holdMs);
    });
    if (trial.headStartMs) await new Promise((resolve) => setTimeout(resolve, trial.headStartMs));
    const result = await trial.apply();
    const finishedAt = performance.now();
    const releasedAt = await released;
    const figures = await load.stop();
    return { ...figures, result, finishedAt, releasedAt };
  } catch (error) {
    await load.stop().catch(() => undefined);
    throw error;
  }
}
