import type { OnlineRetry } from "../dialect/online-support";
import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { Statement } from "../dialect/statement";
import type { MigError } from "../errors/mig-error";
import type { MigrationSource } from "./migration-source";
import type { Snapshot } from "../snapshot/snapshot";
import type { Direction } from "./tracking-store";

/** What every runner function needs. */
export interface RunnerBaseOptions {
  readonly dialect: Dialect;
  /** An open connection (the runner never closes it). */
  readonly connection: Connection;
  /**
   * The migration files of the apps to work on: in ID order within an app, apps in dependency
   * order (see `orderApps`).
   */
  readonly sources: readonly MigrationSource[];
  /**
   * The apps to work on, in dependency order. Default: the apps of `sources`, in order. Give it
   * when an app may have no files left (so its orphaned tracking rows are still seen).
   */
  readonly apps?: readonly string[];
  /** Tracking table name. Default `mig_migrations`. */
  readonly trackingTable?: string;
}

/** Progress events, for output. Library code never prints: the caller decides what to show. */
export type RunnerEvent =
  | { readonly type: "lock-wait"; readonly message: string }
  | {
      readonly type: "lock-acquired";
      /** The kind of lock the dialect holds (its `lockKind` flag); `"none"` means concurrent runs are not kept apart. */
      readonly lock: "advisory" | "named" | "database" | "none";
    }
  | {
      readonly type: "migration-start";
      readonly direction: Direction;
      readonly appName: string;
      readonly id: string;
      readonly description: string;
      readonly fake: boolean;
      /** Steps already done by an earlier, interrupted run (resuming). */
      readonly resumeFrom: number;
    }
  | {
      readonly type: "migration-finish";
      readonly direction: Direction;
      readonly appName: string;
      readonly id: string;
      readonly status: MigrationStatus;
      readonly durationMs: number;
      readonly error?: MigError;
    };

export interface RunOptions extends RunnerBaseOptions {
  /**
   * `"all"`; `"1"` (forwards: the next pending migration; backwards: the last applied one);
   * or a migration ID (forwards: every pending migration up to and including it; backwards: back
   * to and including it). Default: forwards `"all"`, backwards `"1"`.
   */
  readonly target?: string;
  /** Record (forwards) or remove (backwards) tracking rows without running anything. */
  readonly fake?: boolean;
  /** Return the SQL each migration would run; run nothing, record nothing, skip raw functions. */
  readonly preview?: boolean;
  /** Give up waiting for the migration lock after this long (`MIG_E_LOCK_TIMEOUT`). Default 60 000. */
  readonly lockTimeoutMs?: number;
  /** Record the current checksum of edited applied migrations instead of refusing to run. */
  readonly acceptChecksums?: boolean;
  /**
   * Consent to a table rebuild for every operation that needs one on this database (the
   * operations of a file may also carry their own consent). Default `false`: such an operation is
   * refused, naming it, before anything runs.
   */
  readonly allowRebuild?: boolean;
  /**
   * Consent to the locking form of every operation marked online that this database cannot make
   * without blocking writes (the operations of a file may also carry their own, `allowLocking`).
   * Default `false`: such an operation is refused with `MIG_E_NOT_ONLINE` before anything runs.
   */
  readonly allowLocking?: boolean;
  /**
   * How the steps of operations marked online bound their lock waits and retry after a lock
   * timeout (where the dialect bounds them, `Dialect.online.lockTimeout`). Defaults:
   * `DEFAULT_ONLINE_LOCK_TIMEOUT_MS`, `DEFAULT_ONLINE_RETRIES`, `DEFAULT_ONLINE_BACKOFF_MS`.
   */
  readonly online?: OnlineRetry;
  readonly onEvent?: (event: RunnerEvent) => void;
  /**
   * Called once inside the migration lock, after the tracking table is read and only when there is
   * something to run (and no migration stopped part-way): a returned error refuses the run before
   * anything is planned or run (the CLI's drift check).
   */
  readonly beforeRun?: () => Promise<MigError | undefined>;
  /**
   * Replays migration files into the schema they add up to, for a plan that needs the schema
   * before a migration (a table rebuild, a foreign key in the way). Default: one replay per run
   * that loads each file once and extends its last result. A caller that replays the same files
   * itself (the CLI's drift check) passes one shared with that, so the history is replayed once.
   */
  readonly replay?: (sources: readonly MigrationSource[]) => Promise<Snapshot>;
}

export type MigrationStatus = "applied" | "failed" | "skipped";

/** What happened to one migration. */
export interface MigrationResult {
  readonly appName: string;
  readonly id: string;
  readonly description: string;
  /** `applied` also for a reversed migration (backwards) and a faked one (see `fake`). */
  readonly status: MigrationStatus;
  readonly durationMs: number;
  readonly error?: MigError;
  /**
   * Steps (statements and raw functions) that ran and stay applied, including those of an earlier
   * interrupted run: every step of a migration that completed; for a failed one, the steps that
   * committed before the failure (none inside a transaction, which rolled them back).
   */
  readonly statementsRun?: number;
  /** Steps in the migration's plan. */
  readonly statementsTotal?: number;
  readonly fake?: boolean;
  /**
   * Preview only: the statements the migration would run. Where it runs step by step
   * (`separateSteps`), each is marked with where it runs (`transaction`: `"own"` or `"none"`).
   */
  readonly statements?: readonly Statement[];
  /** Preview only: the migration runs step by step (online steps), not in one transaction. */
  readonly separateSteps?: boolean;
  /** Preview only: raw functions that would run (they are skipped in a preview). */
  readonly rawFunctions?: number;
  /** Set when the migration had been applied (or reversed) by another process in the meantime. */
  readonly concurrent?: boolean;
}

/** The result of `runForwards` / `runBackwards`. A failure is reported here, not thrown. */
export interface RunResult {
  readonly direction: Direction;
  readonly preview: boolean;
  /** One entry per selected migration, in the order they were (or would have been) run. */
  readonly migrations: readonly MigrationResult[];
  /** True when every selected migration was applied (or previewed) and nothing was refused. */
  readonly ok: boolean;
  /**
   * Why the run did not complete: the error of the failed migration, or a refusal before anything
   * ran (`MIG_E_CHECKSUM`, `MIG_E_PARTIAL`, `MIG_E_UNSUPPORTED`, `MIG_E_MIGRATION_FILE`).
   */
  readonly error?: MigError;
  /** Nothing needed doing: every migration is applied (forwards) or none is (backwards). */
  readonly nothingToDo: boolean;
  /** Forwards to an ID that was applied already: nothing ran ("already run"). */
  readonly alreadyApplied?: { readonly appName: string; readonly id: string };
}
