import type { MigProblem } from "../errors/mig-error";
import type { Dialect } from "../dialect/dialect";
import type { Table } from "../schema/table";
import { TableFacts } from "../schema/table-facts";
import type { IndexMethod } from "../snapshot/types";

/** Options of `validateTables` (and `snapshotFromTables`). */
export interface ValidateTablesOptions {
  /**
   * Tables outside the ones validated that foreign keys may reference (those of other apps), as
   * tables or database names. A foreign key to a table in neither list is an error.
   */
  readonly externalTables?: readonly (Table | string)[];
  /** The longest identifier allowed, in UTF-8 bytes (the dialect's). Default is `63`. */
  readonly maxIdentifierLength?: number;
  /** The index methods allowed (the dialect's). Default: every method mig knows. */
  readonly indexMethods?: readonly IndexMethod[];
  /**
   * The dialect the tables are for: its capabilities and type mapper decide what it can store
   * (a serial outside the primary key, a default the stored type cannot hold exactly). Default:
   * none, and those rules do not run. `mig new` passes the configured dialect (and each target).
   */
  readonly dialect?: Pick<Dialect, "name" | "capabilities" | "types">;
}

/** A problem found by a rule. `identifier` marks problems with a name's length or emptiness. */
export interface SchemaProblem extends MigProblem {
  readonly identifier?: boolean;
}

/** What every rule sees. */
export interface SchemaRuleContext {
  readonly tables: readonly Table[];
  /** Database names of the tables validated and of `externalTables`. */
  readonly knownTables: ReadonlySet<string>;
  readonly maxIdentifierLength: number;
  readonly indexMethods: readonly IndexMethod[] | undefined;
  readonly dialect?: Pick<Dialect, "name" | "capabilities" | "types"> | undefined;
  /**
   * What the rules ask about each table, shared by them (and by `snapshotFromTables`) so that it
   * is worked out once. A context without it gets its own (see {@link factsOf}).
   */
  readonly facts?: TableFacts;
}

/** The context's facts, or new ones for a context made without them. */
export function factsOf(context: SchemaRuleContext): TableFacts {
  return context.facts ?? new TableFacts(context.maxIdentifierLength);
}

/**
 * One small check over the whole schema. Returns every problem it finds, never throws.
 *
 * The built-in rules loop by index: each visits every column once per run, mostly before the JIT
 * has optimised it, and there an indexed loop costs a fraction of an array iterator.
 */
export type SchemaRule = (context: SchemaRuleContext) => SchemaProblem[];
