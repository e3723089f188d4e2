import type { ResolvedCapabilities } from "../dialect/capabilities";
import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { RenameDecisions } from "../diff/rename-decisions";
import type { Operation, RawDb } from "../operations/operation";
import type { JsonValue } from "../snapshot/types";
import type { Snapshot } from "../snapshot/snapshot";

export type Rows = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/** What a scenario's checks get: the connection, a `db` like raw functions get, and data helpers. */
export interface ScenarioContext {
  readonly dialect: Dialect;
  readonly connection: Connection;
  readonly capabilities: ResolvedCapabilities;
  readonly db: RawDb;
  /** Requires `table`'s rows, ordered by `orderBy`, to loosely equal `expected` on the keys given there. */
  expectRows(table: string, expected: readonly Readonly<Record<string, unknown>>[], orderBy: string): Promise<void>;
  /** Requires `fn` to fail (a constraint holds). */
  expectFailure(fn: () => Promise<unknown>, what: string): Promise<void>;
}

/**
 * One schema change, applied and reversed on a real database: the database starts at `before`,
 * a migration takes it to `after` (planned by the diff, or given as `operations`), and back.
 */
export interface SchemaScenario {
  /** Unique; the test's name, and what `skip` and `expectedSql` refer to. */
  readonly name: string;
  readonly before: Snapshot;
  readonly after: Snapshot;
  /** Renames the diff is told about. */
  readonly renames?: RenameDecisions;
  /** Values for existing rows (`"table.column"`), as the diff takes them. */
  readonly backfill?: Readonly<Record<string, JsonValue>>;
  /** The migration's operations, when they are not what the diff plans. */
  readonly operations?: readonly Operation[];
  /**
   * The capabilities the change needs. A dialect without them must refuse the migration with
   * `MIG_E_UNSUPPORTED` before changing anything, and the kit checks that instead.
   */
  readonly requires?: (capabilities: ResolvedCapabilities) => boolean;
  /** When false, the scenario means nothing for this dialect (json → jsonb without jsonb) and is not registered. */
  readonly appliesTo?: (capabilities: ResolvedCapabilities) => boolean;
  /** Rows inserted at `before`, in order. */
  readonly seed?: Rows;
  /** Rows inserted at `after`, in order (the backwards migration must cope with them). */
  readonly rows?: Rows;
  readonly afterForwards?: (context: ScenarioContext) => Promise<void>;
  readonly afterBackwards?: (context: ScenarioContext) => Promise<void>;
}

/** A behaviour of the runner on this dialect (failure handling, raw functions, transactions, ...). */
export interface RunnerScenario {
  readonly name: string;
  run(context: RunnerScenarioContext): Promise<void>;
}

export interface RunnerScenarioContext {
  readonly dialect: Dialect;
  readonly connection: Connection;
  readonly capabilities: ResolvedCapabilities;
  /** Another connection to the same database (closed by the kit). */
  connectAgain(): Promise<Connection>;
  /** Table names the database has now (tracking tables left out). */
  tables(): Promise<string[]>;
  /** `app/id` of every tracking row, in the order applied. */
  tracked(): Promise<string[]>;
}
