import type { DialectCapabilities } from "@mig/core/dialect";

/** What SQLite can do in place, and why, flag by flag. */
export const sqliteCapabilities: DialectCapabilities = {
  // DDL is transactional: CREATE / ALTER / DROP roll back with the transaction.
  transactionalDdl: true,
  // ALTER TABLE can only rename a table and rename / add / drop a column:
  // no change of a column's type, nullability or default.
  autoAlter: false,
  // No ADD / DROP CONSTRAINT. UNIQUE could be emulated by CREATE UNIQUE
  // INDEX, but it would then introspect as an index and not drop as a constraint: unique, check
  // and foreign-key constraints are created with their table only.
  alterConstraints: false,
  // ALTER TABLE DROP COLUMN exists since 3.35.0.
  dropColumn: true,
  // ALTER TABLE RENAME COLUMN exists since 3.25.0.
  renameColumn: true,
  // ADD COLUMN refuses UNIQUE and PRIMARY KEY.
  addUniqueColumn: false,
  // ADD COLUMN refuses CURRENT_* and expression defaults once the table has rows.
  addColumnNonConstantDefault: false,
  // ADD COLUMN NOT NULL needs a non-NULL default, and SQLite can never drop a default afterwards
  //: a backfill value cannot be given only to existing rows.
  addColumnBackfill: false,
  // ADD COLUMN may carry a REFERENCES clause when the column's default is NULL
  //: a new nullable column and its foreign key need no rebuild.
  addColumnForeignKey: true,
  // `.defaultRandom()` is a version 4 UUID built from randomblob() (sqlite-defaults.ts).
  randomUuidDefault: true,
  // Attached databases are not schemas of one database.
  schemas: false,
  // CHECK constraints are enforced.
  checkConstraints: true,
  // Every SQLite index is a b-tree.
  indexMethods: ["btree"],
  // SQLite sets no limit on identifier length; this one is only a sanity bound.
  maxIdentifierLength: 1024,
  // A write lock on a database file, held with BEGIN IMMEDIATE (see migration-lock.ts).
  lockKind: "database",
  // What ALTER TABLE cannot do, a table rebuild does: copy into a
  // new table, with foreign keys off outside the transaction and checked before COMMIT. Opt-in.
  rebuildTable: true,
  // JSON is text; jsonb is stored as json.
  jsonb: false,
  // No time zone aware type: timestamptz is stored as timestamp.
  timestamptz: false,
  // AUTOINCREMENT only on the rowid alias, "INTEGER PRIMARY KEY".
  serialPrimaryKeyOnly: true,
  // A TEXT column with CHECK ("column" IN (labels)). Changing the
  // labels is a table rebuild, like every other column change here.
  enums: "check",
  // No array type: `array(..., { fallback: "json" })` is JSON text, a bare array is refused.
  arrays: false,
  // No interval type: refused.
  interval: false,
  // A REAL column turns NaN into NULL: NaN and Infinity defaults are refused.
  nonFiniteNumbers: false,
};
