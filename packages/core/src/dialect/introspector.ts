import type { Snapshot } from "../snapshot/snapshot";
import type { Connection } from "./connection";

/**
 * Something in the live schema mig does not model (a column of an enum type, an index of another
 * method, a table without a primary key, ...), reported instead of failing when the caller asks
 * for it with `onUnsupported`. It is left out of the snapshot, together with whatever the dialect
 * cannot report without it.
 */
export interface UnsupportedObject {
  readonly kind: "table" | "column" | "index" | "constraint";
  readonly table: string;
  /** The column, index or constraint name; the table name for a table. */
  readonly name: string;
  /** Why mig does not model it, one sentence (`type mood is an enum`). */
  readonly reason: string;
  /**
   * Statements that create it again on a database that has everything else (the tables the
   * snapshot describes): what `mig pull` keeps as a raw migration step. Empty when unknown.
   */
  readonly sql: readonly string[];
}

export interface IntrospectOptions {
  /** Tables to leave out (the tracking tables are always left out). */
  readonly excludeTables?: readonly string[];
  /**
   * The database schema to read (dialects with `capabilities.schemas`). Default: the connection's
   * current schema. Tables of the connection's current schema keep their plain names; tables of
   * any other schema are named schema-qualified (`"music"."band"`, see `qualifiedTableName`), as
   * `table(..., { schema })` names them.
   */
  readonly schema?: string;
  /**
   * Further schemas to read with it (dialects with `capabilities.schemas`), their tables named
   * schema-qualified: what `mig check --drift` asks for the schemas the migrations use.
   */
  readonly schemas?: readonly string[];
  /**
   * Receives what mig does not model. Without it, such an object fails the introspection with
   * `MIG_E_UNSUPPORTED`; with it, the object is left out of the snapshot and reported here.
   */
  readonly onUnsupported?: (object: UnsupportedObject) => void;
}

/**
 * Reads the live schema back as a snapshot, normalised so that introspecting what mig created and
 * diffing it against the snapshot mig meant to create gives no operations.
 */
export interface Introspector {
  introspect(connection: Connection, options?: IntrospectOptions): Promise<Snapshot>;
}
