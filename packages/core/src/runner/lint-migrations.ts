import { resolveCapabilities } from "../dialect/capabilities";
import type { LockFacts } from "../dialect/online-support";
import { planError } from "../diff/plan-for-dialect";
import { planOperations } from "../diff/plan-operations";
import { compareMigrationIds } from "../manager/migration-id";
import { replayMigrations } from "../manager/replay-migrations";
import { type SchemaOperation, isDestructive } from "../operations/operation";
import { migrationLabel } from "./migration-source";
import { migrationStatus } from "./migration-status";
import type { RunnerBaseOptions } from "./runner-types";

/** One operation of a linted migration, as it would run on this database. */
export interface LintedOperation {
  readonly operation: SchemaOperation;
  /** The lock it takes (`Dialect.online.lockOf`); absent where the dialect does not say. */
  readonly lock?: LockFacts;
  readonly losesData: boolean;
  /** It blocks writes for a scan or rewrite, or loses data: a finding unless the migration is accepted. */
  readonly finding: boolean;
}

export interface LintedMigration {
  readonly appName: string;
  readonly id: string;
  readonly accepted: boolean;
  readonly operations: readonly LintedOperation[];
  /** Has a finding and is not accepted: `mig lint` exits 1. */
  readonly fails: boolean;
}

export interface LintOptions extends RunnerBaseOptions {
  /** Lint these migration IDs (applied or not) instead of the pending ones. */
  readonly ids?: readonly string[];
  /** Consent to table rebuilds for every operation, as `forwards --allow-rebuild`. */
  readonly allowRebuild?: boolean;
  /** Consent to the locking form of online operations this database refuses online, as `forwards --allow-locking`. */
  readonly allowLocking?: boolean;
}

/**
 * What each pending migration (or each one named) would do to its tables on this database: the
 * operations as the planner fits them (online forms included), each with its lock (from the
 * dialect), whether it scans or rewrites, and whether it loses data. Refused plans are thrown as
 * `forwards` would refuse them (`MIG_E_UNSUPPORTED`, `MIG_E_NOT_ONLINE`).
 *
 * @example
 * ```ts
 * const linted = await lintMigrations({ dialect, connection, sources });
 * if (linted.some((m) => m.fails)) process.exitCode = 1;
 * ```
 */
export async function lintMigrations(options: LintOptions): Promise<LintedMigration[]> {
  const { dialect } = options;
  const apps = new Set(options.apps ?? options.sources.map((s) => s.appName));
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const status = wanted ? [] : (await migrationStatus(options)).migrations;
  const pending = new Set(status.filter((m) => !m.applied).map((m) => migrationLabel(m.appName, m.id)));
  const selected = options.sources.filter((s) => apps.has(s.appName) && (wanted ? wanted.has(s.id) : pending.has(migrationLabel(s.appName, s.id))));
  const capabilities = resolveCapabilities(dialect.capabilities);
  const online = dialect.online;
  const linted: LintedMigration[] = [];
  for (const source of selected) {
    const migration = await source.load();
    const schemaBefore = async () => {
      const earlier = options.sources.filter((s) => s.appName === source.appName && compareMigrationIds(s.id, source.id) < 0);
      return replayMigrations(await Promise.all(earlier.map((s) => s.load())));
    };
    const input = {
      operations: migration.forwardsPlan(),
      capabilities,
      allowRebuild: options.allowRebuild === true,
      allowLocking: options.allowLocking === true,
      ...(online?.refusal ? { onlineRefusal: online.refusal.bind(online) } : {}),
    };
    let result = planOperations(input);
    if (!result.ok && result.needsSchema) result = planOperations({ ...input, schemaBefore: await schemaBefore() });
    if (!result.ok) throw planError(result, `Migration ${migrationLabel(source.appName, source.id)}: ${dialect.name} cannot run {n}`, { dialect: dialect.name });
    const operations = result.operations.flatMap((operation): LintedOperation[] => {
      if (operation.kind === "raw") return [];
      const lock = online?.lockOf?.(operation);
      const losesData = isDestructive(operation);
      return [{ operation, ...(lock ? { lock } : {}), losesData, finding: losesData || lock?.blocksWrites === true }];
    });
    const accepted = migration.accept === true;
    linted.push({ appName: source.appName, id: source.id, accepted, operations, fails: !accepted && operations.some((o) => o.finding) });
  }
  return linted;
}
