import type Database from "better-sqlite3";
import { type QueryResult, MigError, isMigError } from "@mig/core/dialect";
import { toSqliteParams } from "./bind-params";
import { type SchemaObject, dependentsOf } from "./rebuild-dependents";
import type { RebuildStatement, RebuildStep } from "./rebuild-statement";
import { sqliteEmitter } from "./sqlite-emitter";

const q = (name: string) => sqliteEmitter.hooks.quoteIdentifier(name);

const DOING: Readonly<Record<RebuildStep, string>> = {
  guard: "checking that foreign keys are off",
  "drop-dependents": "dropping the views and triggers that depend on it",
  create: "creating the new table",
  copy: "copying the rows",
  sequence: "keeping the AUTOINCREMENT counter",
  count: "comparing row counts",
  drop: "dropping the old table",
  rename: "renaming the new table",
  index: "creating its indexes",
  "restore-dependents": "re-creating the views and triggers that depend on it",
  "foreign-key-check": "checking foreign keys",
};

/**
 * Runs the statements of table rebuilds on one better-sqlite3 database (see `RebuildStep`).
 * Any failure is a `MIG_E_REBUILD` naming the table; the caller's transaction then rolls back,
 * leaving the old table and its data as they were.
 */
export class RebuildRuntime {
  readonly #db: Database.Database;
  /** The views and triggers dropped by `drop-dependents`, by table, until `restore-dependents`. */
  readonly #saved = new Map<string, SchemaObject[]>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  run(statement: RebuildStatement): QueryResult {
    const { table, step } = statement.rebuild;
    try {
      return this.#run(statement);
    } catch (error) {
      if (isMigError(error)) throw error;
      const message = (error as Error).message ?? String(error);
      throw rebuildError(table, step, message, { cause: error, meta: { sqliteCode: (error as { code?: unknown }).code } });
    }
  }

  #run(statement: RebuildStatement): QueryResult {
    const { table, step } = statement.rebuild;
    const db = this.#db;
    const params = toSqliteParams(statement.params ?? []);
    switch (step) {
      case "guard": {
        if (!db.inTransaction) {
          throw rebuildError(table, step, "a table rebuild must run inside a transaction", { hint: "Do not set wrapInTransaction: false on a migration that rebuilds a table." });
        }
        if (db.pragma("foreign_keys", { simple: true }) !== 0) {
          // DROP TABLE would delete every row first and cascade into child tables.
          throw rebuildError(table, step, "foreign-key enforcement is on inside the transaction, and dropping the old table would delete child rows", {
            hint: "Run the migration with mig's runner: it turns foreign keys off before the transaction (PRAGMA foreign_keys is a no-op inside one).",
          });
        }
        return { rows: [], affectedRows: 0 };
      }
      case "drop-dependents": {
        const dependents = dependentsOf(table, db.prepare(statement.sql).all(...params) as SchemaObject[]);
        for (const object of dependents.filter((o) => o.type === "trigger")) db.exec(`DROP TRIGGER IF EXISTS ${q(object.name)}`);
        for (const object of dependents.filter((o) => o.type === "view").reverse()) db.exec(`DROP VIEW IF EXISTS ${q(object.name)}`);
        this.#saved.set(table, dependents);
        return { rows: [], affectedRows: 0 };
      }
      case "restore-dependents": {
        const saved = this.#saved.get(table) ?? [];
        this.#saved.delete(table);
        for (const object of saved) db.exec(object.sql);
        // CREATE VIEW / TRIGGER check nothing (a trigger on a column the rebuild dropped is
        // accepted), but RENAME re-checks every view and trigger of the schema
        //: renaming a scratch table proves them valid.
        if (saved.length > 0) {
          const probe = q(`__mig_probe_${table}`);
          db.exec(`CREATE TABLE ${probe} (x); ALTER TABLE ${probe} RENAME TO ${q(`__mig_probe_${table}_`)}; DROP TABLE ${q(`__mig_probe_${table}_`)}`);
        }
        return { rows: [], affectedRows: 0 };
      }
      case "count": {
        const counts = db.prepare(statement.sql).get(...params) as { before: number; after: number };
        if (counts.before !== counts.after) {
          throw rebuildError(table, step, `the new table has ${counts.after} rows, the old one ${counts.before}`, { meta: { ...counts } });
        }
        return { rows: [counts], affectedRows: 0 };
      }
      case "foreign-key-check": {
        const violations = db.prepare(statement.sql).all(...params) as { table: string; parent: string; rows: number }[];
        if (violations.length > 0) {
          const list = violations.map((v) => `${v.rows} row(s) of "${v.table}" reference missing rows of "${v.parent}"`).join("; ");
          throw rebuildError(table, step, `foreign keys would be broken: ${list}`, {
            meta: { violations, tables: [...new Set(violations.map((v) => v.table))] },
            hint: "Fix or delete those rows first (PRAGMA foreign_key_check lists them), then run the migration again.",
          });
        }
        return { rows: [], affectedRows: 0 };
      }
      default: {
        const prepared = db.prepare(statement.sql);
        return { rows: [], affectedRows: prepared.run(...params).changes };
      }
    }
  }
}

function rebuildError(table: string, step: RebuildStep, why: string, options: { hint?: string; meta?: Record<string, unknown>; cause?: unknown }): MigError {
  return new MigError("MIG_E_REBUILD", `Rebuilding table "${table}" failed while ${DOING[step]}: ${why}`, {
    hint: options.hint ?? "Nothing was changed: the transaction rolled back. Fix the data or the migration and run it again.",
    meta: { table, step, ...options.meta },
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}
