import { MigrationManager } from "../manager/migration-manager";
import type { Operation, RawFunction } from "../operations/operation";
import { checksum } from "../runner/checksum";
import type { MigrationSource } from "../runner/migration-source";

export interface TestMigrationOptions {
  readonly appName: string;
  readonly id: string;
  readonly description?: string;
  /** Operations recorded in order (raw operations included). */
  readonly operations?: readonly Operation[];
  /** A raw function run forwards, after `operations`. */
  readonly raw?: RawFunction;
  /** A raw function run only backwards. */
  readonly rawBackwards?: RawFunction;
  readonly fake?: boolean;
  readonly wrapInTransaction?: boolean;
  /** The "file text" the checksum is taken of. Default: a text made of the ID and description. */
  readonly text?: string;
  readonly path?: string;
}

/**
 * A migration source built in memory, as if loaded from a file: a `MigrationManager` with the
 * given operations. For tests of the runner and of dialects.
 *
 * @example
 * ```ts
 * const source = testMigration({ appName: "music", id: "2026-01-01T00:00:00:000001", operations: [{ kind: "create_table", schema }] });
 * await runForwards({ dialect, connection, sources: [source] });
 * ```
 */
export function testMigration(options: TestMigrationOptions): MigrationSource {
  const text = options.text ?? `export const ID = ${JSON.stringify(options.id)};\nexport const DESCRIPTION = ${JSON.stringify(options.description ?? "")};\n`;
  return {
    appName: options.appName,
    id: options.id,
    description: options.description ?? "",
    checksum: checksum(text),
    ...(options.path ? { path: options.path } : {}),
    load: async () => {
      const manager = new MigrationManager({
        migrationId: options.id,
        appName: options.appName,
        description: options.description ?? "",
        fake: options.fake ?? false,
        wrapInTransaction: options.wrapInTransaction ?? true,
      });
      for (const operation of options.operations ?? []) manager.addOperation(operation);
      if (options.raw) manager.addRaw(options.raw);
      if (options.rawBackwards) manager.addRawBackwards(options.rawBackwards);
      return manager;
    },
  };
}

/** The `n`-th migration ID of a test run: `2026-01-01T00:00:00:00000n` (sorts in `n` order). */
export function testMigrationId(n: number): string {
  return `2026-01-01T00:00:00:${String(n).padStart(6, "0")}`;
}
