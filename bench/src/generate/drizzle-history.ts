import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { BenchProject } from "./bench-project";
import { historyTable, tableName } from "./bench-schema";

interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

interface PgSnapshot {
  id: string;
  prevId: string;
  tables: Record<string, { columns: Record<string, unknown> }>;
}

/**
 * Extends a drizzle-kit history (its first migration written by `drizzle-kit generate`) with
 * migrations 1 … count - 1, each adding column `h_k`, written as drizzle-kit writes them: the SQL
 * file, a full snapshot chained by `prevId`, a journal entry. The caller proves them right:
 * `drizzle-kit generate` on the schema they end in must find only the next change.
 */
export function extendDrizzleHistory(project: BenchProject, count: number): void {
  const journalPath = project.path("drizzle", "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
  if (journal.entries.length !== 1) throw new Error("the drizzle-kit history must hold exactly its first migration");
  const snapshot = JSON.parse(readFileSync(project.path("drizzle", "meta", "0000_snapshot.json"), "utf8")) as PgSnapshot;
  const when = journal.entries[0]!.when;
  for (let k = 1; k < count; k++) {
    const table = tableName(historyTable(k, project.tables));
    const idx = String(k).padStart(4, "0");
    const tag = `${idx}_history_${k}`;
    snapshot.tables[`public.${table}`]!.columns[`h_${k}`] = { name: `h_${k}`, type: "integer", primaryKey: false, notNull: false };
    snapshot.prevId = snapshot.id;
    snapshot.id = randomUUID();
    writeFileSync(project.path("drizzle", `${tag}.sql`), `ALTER TABLE "${table}" ADD COLUMN "h_${k}" integer;`);
    writeFileSync(project.path("drizzle", "meta", `${idx}_snapshot.json`), JSON.stringify(snapshot, null, 2));
    journal.entries.push({ idx: k, version: "7", when: when + k, tag, breakpoints: true });
  }
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
}
