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
