import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Snapshot } from "@mig/core/dialect";
import { pgliteDialect } from "mig-dialect-pglite";
import { createProject, type Project } from "./support/project";

const CONFIG = `import { defineConfig } from "@mig/core";

export default defineConfig({
  plugins: ["mig-dialect-pglite"],
  dialect: "pglite",
  connection: "pglite://./data",
  apps: [{ name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" }],
});
`;

const TABLES = `import { foreignKey, integer, table, varchar } from "@mig/core";

export const Manager = table("manager", {
  name: varchar({ length: 50 }),
});

export const Band = table("band", {
  name: varchar({ length: 100 }).unique(),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  popularity: integer().default(0).index(),
});
`;

const WITH_COUNTRY = TABLES.replace("popularity: integer().default(0).index(),", 'popularity: integer().default(0).index(),\n  country: varchar({ length: 60 }).nullable(),');

const projects: Project[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

function project(): Project {
  const created = createProject({ "mig.config.ts": CONFIG, "src/music/tables.ts": TABLES });
  projects.push(created);
  return created;
}

/** The schema in the project's data dir, read by this test process (the CLI has exited and let go of it). */
async function schemaOf(dir: string): Promise<Snapshot> {
  const connection = await pgliteDialect.connect(`pglite:${join(dir, "data")}`);
  try {
    return await pgliteDialect.introspector.introspect(connection);
  } finally {
    await connection.close();
  }
}

interface CheckRow {
  app: string;
  id: string;
  description: string;
  applied: boolean;
  checksumMismatch: boolean;
}

describe("mig with plugins: [\"mig-dialect-pglite\"] and dialect: \"pglite\"", () => {
  it("new --auto, forwards, check --json and backwards --auto-agree work as with a built-in dialect", async () => {
    const p = project();

    const first = await p.mig("new", "music", "--auto");
    expect(first.code, first.stderr).toBe(0);
    expect(p.list("src/music/migrations")).toHaveLength(1);

    const forwards = await p.mig("forwards", "music");
    expect(forwards.code, forwards.stderr).toBe(0);
    const created = await schemaOf(p.dir);
    expect([...created.tableNames()].sort()).toEqual(["band", "manager"]);
    expect(created.table("band")?.columns.map((c) => c.name)).toEqual(["id", "name", "manager", "popularity"]);

    const unchanged = await p.mig("new", "music", "--auto");
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toContain("No changes detected");
    expect(p.list("src/music/migrations")).toHaveLength(1);

    p.write("src/music/tables.ts", WITH_COUNTRY);
    const second = await p.mig("new", "music", "--auto", "--desc", "band country");
    expect(second.code, second.stderr).toBe(0);
    expect(p.list("src/music/migrations")).toHaveLength(2);
    expect((await p.mig("forwards", "music", "all")).code).toBe(0);
    expect((await schemaOf(p.dir)).table("band")?.columns.map((c) => c.name)).toContain("country");

    const check = await p.mig("check", "--json");
    expect(check.code, check.stderr).toBe(0);
    const rows = JSON.parse(check.stdout) as CheckRow[];
    expect(rows.map((r) => [r.app, r.description, r.applied, r.checksumMismatch])).toEqual([
      ["music", "", true, false],
      ["music", "band country", true, false],
    ]);

    // No terminal and no --auto-agree: nothing is reversed, exit code 3.
    const refused = await p.mig("backwards", "music");
    expect(refused.code).toBe(3);
    expect((await schemaOf(p.dir)).table("band")?.columns.map((c) => c.name)).toContain("country");

    const backwards = await p.mig("backwards", "music", "--auto-agree");
    expect(backwards.code, backwards.stderr).toBe(0);
    expect((await schemaOf(p.dir)).table("band")?.columns.map((c) => c.name)).not.toContain("country");
    const after = JSON.parse((await p.mig("check", "--json")).stdout) as CheckRow[];
    expect(after.map((r) => r.applied)).toEqual([true, false]);

    expect((await p.mig("backwards", "music", "all", "--auto-agree")).code).toBe(0);
    expect([...(await schemaOf(p.dir)).tableNames()]).toEqual([]);
  });

  it("reports an error with its code (--json) when the plugin cannot open the data dir", async () => {
    const p = project();
    p.write("mig.config.ts", CONFIG.replace('"pglite://./data"', '"pglite://./mig.config.ts"'));
    const result = await p.mig("check", "--json");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error.code).toBe("MIG_E_CONNECTION");
  });
});
