import type { DialectCapabilities } from "@mig/core/dialect";

/** What SQLite can do in place. Each flag names the manual page that decides it. */
export const sqliteCapabilities: DialectCapabilities = {
  // DDL is transactional: CREATE / ALTER / DROP roll back with the transaction (lang_transaction.html).
  transactionalDdl: true,
  // ALTER TABLE can only rename a table and rename / add / drop a column (lang_altertable.html):
  // no change of a column's type, nullability or default.
  autoAlter: false,
  // No ADD / DROP CONSTRAINT (lang_altertable.html). UNIQUE could be emulated by CREATE UNIQUE
  // INDEX, but it would then introspect as an index and not drop as a constraint: unique, check
  // and foreign-key constraints are created with their table only.
  alterConstraints: false,
  // ALTER TABLE DROP COLUMN exists since 3.35.0 (lang_altertable.html#altertabdropcol).
  dropColumn: true,
  // ALTER TABLE RENAME COLUMN exists since 3.25.0 (lang_altertable.html#altertabrenamecol).
  renameColumn: true,
  // ADD COLUMN refuses UNIQUE and PRIMARY KEY (lang_altertable.html#altertabaddcol).
  addUniqueColumn: false,
  // ADD COLUMN refuses CURRENT_* and expression defaults once the table has rows
  // (lang_altertable.html#altertabaddcol).
  addColumnNonConstantDefault: false,
  // ADD COLUMN NOT NULL needs a non-NULL default, and SQLite can never drop a default afterwards
  // (lang_altertable.html#altertabaddcol): a backfill value cannot be given only to existing rows.
  addColumnBackfill: false,
  // ADD COLUMN may carry a REFERENCES clause when the column's default is NULL
  // (lang_altertable.html#altertabaddcol): a new nullable column and its foreign key need no rebuild.
  addColumnForeignKey: true,
  // `.defaultRandom()` is a version 4 UUID built from randomblob() (sqlite-defaults.ts).
  randomUuidDefault: true,
  // Attached databases are not schemas of one database (lang_attach.html).
  schemas: false,
  // CHECK constraints are enforced (lang_createtable.html#ckconst).
  checkConstraints: true,
  // Every SQLite index is a b-tree (lang_createindex.html).
  indexMethods: ["btree"],
  // SQLite sets no limit on identifier length (limits.html); this one is only a sanity bound.
  maxIdentifierLength: 1024,
  // A write lock on a database file, held with BEGIN IMMEDIATE (see migration-lock.ts).
  lockKind: "database",
  // What ALTER TABLE cannot do, a table rebuild does (lang_altertable.html#otheralter): copy into a
  // new table, with foreign keys off outside the transaction and checked before COMMIT. Opt-in.
  rebuildTable: true,
  // JSON is text; jsonb is stored as json (json1.html).
  jsonb: false,
  // No time zone aware type: timestamptz is stored as timestamp (lang_datefunc.html).
  timestamptz: false,
  // AUTOINCREMENT only on the rowid alias, "INTEGER PRIMARY KEY" (autoinc.html).
  serialPrimaryKeyOnly: true,
};
