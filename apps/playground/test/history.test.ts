import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
