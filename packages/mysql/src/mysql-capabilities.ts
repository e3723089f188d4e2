import type { DialectCapabilities } from "@mig/core/dialect";

/**
 * What MySQL 8 and MariaDB 10.11 can do, as mig uses them. Each choice is explained at its flag;
 * flags left out have their default.
 */
export const mysqlCapabilities = {
  /**
   * Every DDL statement commits the open transaction implicitly. The runner therefore
   * records progress per statement, and the emitter keeps each operation to as few statements as
   * it can (a CREATE TABLE carries its indexes and constraints inline).
   */
  transactionalDdl: false,
  /** `ALTER TABLE t MODIFY COLUMN <full definition>` changes type, nullability and default at once. */
  autoAlter: true,
  /** ADD/DROP CONSTRAINT, DROP INDEX and DROP FOREIGN KEY all work on existing tables. */
  alterConstraints: true,
  /** `RENAME COLUMN` exists since MySQL 8.0 and MariaDB 10.5. */
  renameColumn: true,
  /** ALTER TABLE ADD COLUMN evaluates an expression default such as `(UUID())` per existing row. */
  addColumnNonConstantDefault: true,
  /**
   * The server refuses to change the type of a column that a foreign key uses, on either side
   * (errors 1832 and 1833, "Cannot change column used in a foreign key constraint"), so the planner
   * drops those foreign keys around the type change and adds them back.
   */
  alterForeignKeyColumnType: false,
  /**
   * MariaDB refuses to rename a column that a foreign key uses when the ALTER must copy the table
   * (error 1846, "Columns participating in a foreign key are renamed"), as it must for a table with
   * a unique TEXT column (a `USING HASH` key), even with foreign_key_checks off. So the planner
   * drops those foreign keys around the rename and adds them back with the new column name.
   */
  renameForeignKeyColumn: false,
  /**
   * InnoDB parses SET DEFAULT and then rejects the table: every other action works.
   */
  foreignKeyActions: ["no action", "restrict", "cascade", "set null"],
  /** `DEFAULT (UUID())` (MariaDB 10.2.1+, MySQL 8.0.13+ expression defaults). */
  randomUuidDefault: true,
  /** A MySQL "schema" is a database; mig works inside the connection's database. */
  schemas: false,
  /** Enforced since MySQL 8.0.16 and MariaDB 10.2.1. */
  checkConstraints: true,
  /**
   * Only B-tree. InnoDB accepts `USING HASH` and silently builds a B-tree (information_schema
   * then reports BTREE), so
   * claiming `hash` would let a snapshot say something the database does not do.
   */
  indexMethods: ["btree"],
  /** 64 characters for tables, columns, indexes and constraints. */
  maxIdentifierLength: 64,
  /**
   * `GET_LOCK(name, 0)`, held by the session: the server releases it when the session ends. On a
   * Galera cluster, where GET_LOCK is not replicated, a row of `mig_migrations_lock` instead
   * (see `withGaleraLock`).
   */
  lockKind: "named",
  rebuildTable: false,
  /** One JSON type: jsonb is stored as JSON (MariaDB: LONGTEXT with a json_valid CHECK). */
  jsonb: false,
  /**
   * No time-zone-aware type: TIMESTAMP converts to and from the session time zone but only covers
   * 1970–2038, so timestamptz is stored as DATETIME(6) like timestamp (values are stored as given;
   * keep them in UTC).
   */
  timestamptz: false,
  /**
   * "There can be only one auto column and it must be defined as a key" (MariaDB KB
   * AUTO_INCREMENT): a serial elsewhere passes CREATE TABLE nowhere, so mig new refuses it.
   */
  serialPrimaryKeyOnly: true,
  /** `ENUM('a', 'b')`, the column's own type (no name is kept). Changing the labels is a MODIFY COLUMN. */
  enums: "inline",
  /** No array type: `array(..., { fallback: "json" })` is a JSON column, a bare array is refused. */
  arrays: false,
  /** No interval type: refused (store a span as integer seconds, or as text). */
  interval: false,
  /** FLOAT, DOUBLE and DECIMAL hold no NaN or Infinity: such defaults are refused at mig new. */
  nonFiniteNumbers: false,
} as const satisfies DialectCapabilities;
