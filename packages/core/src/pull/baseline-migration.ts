import { diff } from "../diff/diff";
import { migrationFrame, type MigrationFileInfo } from "../serialise/migration-header";
import { printString } from "../serialise/print-literal";
import { serialiseMigration } from "../serialise/serialise-migration";
import { Snapshot } from "../snapshot/snapshot";
import type { RawStep } from "./raw-steps";

export interface BaselineMigrationInput extends MigrationFileInfo {
  /** The schema of the pulled tables module (`snapshotFromTables` of it). */
  readonly schema: Snapshot;
  /** What the DSL cannot say, run after the tables are created. */
  readonly rawSteps: readonly RawStep[];
}

/**
 * The baseline migration of `mig pull`: the operations that create `schema` from nothing (the
 * diff of empty → schema, written by `serialiseMigration`), then one `addRaw` per raw step, each
 * under a comment saying why it is raw. Raw SQL is run as written (`db.raw` with no parameters).
 */
export function baselineMigration(input: BaselineMigrationInput): string {
  const text = serialiseMigration({ ...input, operations: diff(Snapshot.empty(), input.schema) });
  if (input.rawSteps.length === 0) return text;
  const { tail } = migrationFrame(input);
  const raw = input.rawSteps.map((step) =>
    [
      `  // Kept as raw SQL: ${step.why.replace(/\s+/g, " ")}.`,
      "  manager.addRaw(async (db) => {",
      ...step.sql.map((sql) => `    await db.raw(${printString(sql)});`),
      "  });",
    ].join("\n"),
  );
  return `${text.slice(0, text.length - tail.length)}\n${raw.join("\n\n")}\n\n${tail}`;
}
