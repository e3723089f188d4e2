import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MigrationManager, checksum, planOperations, replayMigrations, resolveCapabilities } from "@mig/core";
import { mysqlDialect } from "@mig/mysql";
import { postgresDialect } from "@mig/postgres";
import { sqliteDialect } from "@mig/sqlite";
import { describe, expect, it } from "vitest";
import { PLAYGROUND, runMig } from "./support/run-mig";

const migrations = (app: string) => readdirSync(join(PLAYGROUND, "src", app, "migrations")).filter((f) => f.endsWith(".ts"));
const read = (app: string, file: string) => readFileSync(join(PLAYGROUND, "src", app, "migrations", file), "utf8");

describe("the playground's committed history", () => {
  it("matches the tables: mig new all --auto finds no changes and writes nothing", async () => {
    const before = [...migrations("music"), ...migrations("shop")];
    const result = await runMig(["new", "all", "--auto", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ created: [], unchanged: ["music", "shop"] });
    expect([...migrations("music"), ...migrations("shop")]).toEqual(before);
  });

  it("holds generated migrations (manager calls only) and one hand-written data migration using db.table", () => {
    const files = [...migrations("music").map((f) => ["music", f] as const), ...migrations("shop").map((f) => ["shop", f] as const)];
    const texts = files.map(([app, file]) => read(app, file));
    const handWritten = texts.filter((t) => t.includes("addRaw("));
    expect(handWritten).toHaveLength(1);
    expect(handWritten[0]).toContain("db.table(Band)");
    const generated = texts.filter((t) => !t.includes("addRaw("));
    expect(generated.length).toBeGreaterThanOrEqual(5);
    for (const text of generated) expect(text.match(/^import .*$/gm)).toEqual(['import { MigrationManager } from "@mig/core";']);
    expect(texts.some((t) => t.includes("renameColumn("))).toBe(true);
    expect(texts.some((t) => t.includes("addIndex("))).toBe(true);
    expect(texts.some((t) => t.includes("addColumn("))).toBe(true);
  });
});

/** The checksums recorded when these files were first applied (2026-11-22): a database that ran them must never see them change. */
const RECORDED: readonly (readonly [string, string])[] = [
    ["music/music_2026_11_22t03_24_56_497005.ts", "d9dd024003ef748920e1eb8e760b8f09c85d2bd58571af2a462daf8ee3e362c8"],
    ["music/music_2026_11_22t03_25_02_329066.ts", "0cdec2605fa9ecfe88adf5e5662270a0cc49e25b4644a77d5e2393a7d9811bff"],
    ["music/music_2026_11_22t03_25_04_108600.ts", "5a6c788380e961594771d1893b8dc51e3c484b417dd7976556b0e4584feacc32"],
    ["music/music_2026_11_22t03_25_05_646734.ts", "a2293ac76320c34fdf5a4004e6be28a9a461b5f1eb83a11455fd39666463006f"],
    ["music/music_2026_11_22t03_25_09_098111.ts", "21c63c1e7b1d2a099b769ecc9fd7e34f309822b625829ed3c4f3d7686227f179"],
    ["shop/shop_2026_11_22t03_24_57_057609.ts", "cc0992596a3a282e86898f09f4c5466417c50c3127d166b0dcf658fca03daf6f"],
];

describe("the playground's history across versions and databases", () => {
  it("keeps the checksums it was first applied with", () => {
    const files = [...migrations("music").map((f) => `music/${f}`), ...migrations("shop").map((f) => `shop/${f}`)].sort();
    expect(files.map((file) => [file, checksum(readFileSync(join(PLAYGROUND, "src", file.replace("/", "/migrations/")), "utf8"))])).toEqual(RECORDED);
  });

  it("loads, and plans on each of PostgreSQL, MySQL and SQLite without a refusal or a rebuild", async () => {
    for (const app of ["music", "shop"]) {
      const managers: MigrationManager[] = [];
      for (const file of migrations(app).sort()) {
        const module = (await import(join(PLAYGROUND, "src", app, "migrations", file))) as { forwards(): Promise<MigrationManager> };
        const manager = await module.forwards();
        for (const dialect of [postgresDialect, mysqlDialect, sqliteDialect]) {
          const result = planOperations({ operations: manager.forwardsPlan(), capabilities: resolveCapabilities(dialect.capabilities), schemaBefore: replayMigrations(managers) });
          expect(result.ok, `${app}/${file} on ${dialect.name}`).toBe(true);
          if (result.ok) expect(result.rebuilt).toEqual([]);
        }
        managers.push(manager);
      }
    }
  });
});
