import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type MigrationSource,
  type RunResult,
  diff,
  runBackwards,
  runForwards,
} from "@mig/core";
import {
  type MigError,
  type Operation,
  type Snapshot,
  planForDialect,
  resolveCapabilities,
} from "@mig/core/dialect";
import { type TableSpec, col, schema, testMigration, testMigrationId, value } from "@mig/core/testing";
import { SqliteConnection, sqliteDialect } from "../src/index";

export const dialect = sqliteDialect;

/** Parent (artist) → child (album, ON DELETE CASCADE) → grandchild (track, ON DELETE CASCADE), and an audit table. */
export const artist: TableSpec = {
  name: "artist",
  columns: [col("id", "serial"), col("name", "varchar", { length: 50, nullable: true }), col("country", "text", { nullable: true }), col("rating", "integer", { default: value(0) })],
  indexes: [{ name: "artist_country_idx", columns: ["country"] }],
  uniques: [{ name: "artist_name_key", columns: ["name"] }],
  checks: [{ name: "artist_rating_check", sql: "rating >= 0" }],
};
export const album: TableSpec = {
  name: "album",
  columns: [col("id", "serial"), col("artist", "integer"), col("title", "text")],
  indexes: [{ name: "album_artist_idx", columns: ["artist"] }],
  foreignKeys: [{ name: "album_artist_fkey", columns: ["artist"], references: { table: "artist", columns: ["id"] }, onDelete: "cascade" }],
};
export const track: TableSpec = {
  name: "track",
  columns: [col("id", "serial"), col("album", "integer"), col("name", "text")],
  foreignKeys: [{ name: "track_album_fkey", columns: ["album"], references: { table: "album", columns: ["id"] }, onDelete: "cascade" }],
};
export const audit: TableSpec = { name: "audit", columns: [col("id", "serial"), col("what", "text")] };

export const v1 = schema(artist, album, track, audit);

/** Views and triggers mig does not model: one on the table, one on another table naming it, a view, a view on that view. */
export const UNMODELLED = [
  `CREATE TRIGGER artist_audit AFTER UPDATE OF name ON artist BEGIN INSERT INTO audit (what) VALUES ('renamed ' || new.name); END`,
  `CREATE TRIGGER album_touch AFTER INSERT ON album BEGIN UPDATE artist SET rating = rating + 1 WHERE id = new.artist; END`,
  `CREATE VIEW artist_albums AS SELECT artist.name AS artist, album.title AS title FROM artist JOIN album ON album.artist = artist.id`,
  `CREATE VIEW artist_album_count AS SELECT artist, count(*) AS n FROM artist_albums GROUP BY artist`,
];

export const DATA = [
  `INSERT INTO artist (id, name, country, rating) VALUES (1, 'Pythonistas', 'UK', 5), (2, 'Rustaceans', 'FR', 3), (3, NULL, NULL, 0)`,
  `INSERT INTO album (id, artist, title) VALUES (1, 1, 'A'), (2, 1, 'B'), (3, 2, 'C'), (4, 3, 'D')`,
  `INSERT INTO track (id, album, name) VALUES (1, 1, 'a1'), (2, 1, 'a2'), (3, 2, 'b1'), (4, 3, 'c1'), (5, 3, 'c2'), (6, 4, 'd1')`,
];

export const id = testMigrationId;

export function migration(n: number, operations: readonly Operation[], extra: { wrapInTransaction?: boolean } = {}): MigrationSource {
  return testMigration({ appName: "music", id: id(n), description: `step ${n}`, operations, ...extra });
}

/** The plan `mig new --auto --allow-rebuild` makes for `from` → `to` on SQLite. */
export function rebuildPlan(from: Snapshot, to: Snapshot, backfill: Record<string, string> = {}): readonly Operation[] {
  return planForDialect(diff(from, to, { backfill }), resolveCapabilities(dialect.capabilities), { allowRebuild: true, from });
}

export interface Db {
  readonly connection: SqliteConnection;
  all<Row = Record<string, unknown>>(sql: string): Row[];
  exec(sql: string): void;
  /** The introspected schema, as the dialect normalises it. */
  introspect(): Promise<Snapshot>;
  /** The schema `snapshot` as the database stores it. */
  normalised(snapshot: Snapshot): Snapshot;
  forwards(sources: readonly MigrationSource[], options?: { preview?: boolean }): Promise<RunResult>;
  backwards(sources: readonly MigrationSource[], target?: string): Promise<RunResult>;
  /** Every row of every table and every view and trigger: to compare before and after a failure. */
  state(): unknown;
  cleanup(): Promise<void>;
}

export async function openDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), "mig-rebuild-"));
  const connection = (await dialect.connect({ filename: join(dir, "music.db") })) as SqliteConnection;
  const db = connection.driver;
  const normalised = (snapshot: Snapshot) => (dialect.normalise ? dialect.normalise(snapshot) : snapshot);
  return {
    connection,
    all: (sql) => db.prepare(sql).all() as never,
    exec: (sql) => db.exec(sql),
    introspect: async () => normalised(await dialect.introspector.introspect(connection)),
    normalised,
    forwards: (sources, options = {}) => runForwards({ dialect, connection, sources, ...options }),
    backwards: (sources, target = "1") => runBackwards({ dialect, connection, sources, target }),
    state() {
      const objects = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'mig\\_%' ESCAPE '\\' ORDER BY type, name").all() as { type: string; name: string }[];
      const rows = objects.filter((o) => o.type === "table" && o.name !== "sqlite_sequence").map((o) => [o.name, db.prepare(`SELECT * FROM "${o.name}" ORDER BY rowid`).all()]);
      return { objects, rows, foreignKeys: db.pragma("foreign_keys", { simple: true }) };
    },
    cleanup: async () => {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A database at `v1` with data, triggers and views, created by migration 1. */
export async function musicDb(): Promise<Db> {
  const db = await openDb();
  const created = await db.forwards([migration(1, v1.tables().map((table) => ({ kind: "create_table", schema: table })))]);
  if (!created.ok) throw created.error;
  for (const sql of [...DATA, ...UNMODELLED]) db.exec(sql);
  return db;
}

/** The `MIG_E_REBUILD` error behind a failed run. */
export function rebuildFailure(result: RunResult): MigError {
  const cause = result.error?.cause as MigError | undefined;
  if (result.ok || result.error?.code !== "MIG_E_MIGRATION_FAILED" || cause?.code !== "MIG_E_REBUILD") {
    throw new Error(`expected a migration failed with MIG_E_REBUILD, got ${result.error?.code ?? "success"} / ${cause?.code}: ${result.error?.message}`);
  }
  return cause;
}
