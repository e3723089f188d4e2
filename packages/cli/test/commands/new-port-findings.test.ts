import { afterEach, describe, expect, it } from "vitest";
import { run as newMigration } from "../../src/commands/new/run";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";

/** `mig new` needs the dialect, not a connection: nothing listens on this port. */
const config = (connection: string) => `import { defineConfig } from "@mig/core";

export default defineConfig({
  connection: ${JSON.stringify(connection)},
  apps: [{ name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" }],
});
`;
const MARIADB = "mysql://root@127.0.0.1:1/none";
const SQLITE = "sqlite:./none.db";

const projects: TestProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

async function newAuto(connection: string, tables: string, options: { autoInput?: "y" | "n" } = {}) {
  const project = createProject("port", { "mig.config.ts": config(connection), "src/music/tables.ts": tables });
  projects.push(project);
  const io = testDeps({ cwd: project.dir });
  const code = await newMigration({ app: "music", auto: true, json: true, ...options }, io.deps);
  return { code, out: JSON.parse(io.stdout()) as { error?: { code: string; problems: { message: string; table?: string; column?: string }[] } }, project };
}

describe("mig new: what the port of Piccolo's migration tests found", () => {
  it("MariaDB: a numeric() default DECIMAL(10,0) cannot hold exactly is MIG_E_SCHEMA_INVALID, nothing written", async () => {
    const tables = `import { numeric, table } from "@mig/core";\nexport const Price = table("price", { amount: numeric().default("1.2") });\n`;
    const { code, out, project } = await newAuto(MARIADB, tables);
    expect(code).toBe(1);
    expect(out.error?.code).toBe("MIG_E_SCHEMA_INVALID");
    expect(out.error?.problems).toEqual([expect.objectContaining({ table: "price", column: "amount", message: expect.stringContaining("DECIMAL(10,0)") })]);
    expect(project.list("src/music/migrations")).toEqual([]);
    // SQLite stores the decimal as given: accepted there.
    expect((await newAuto(SQLITE, tables)).code).toBe(0);
  });

  it("MariaDB refuses a serial that is not the primary key at new, as SQLite does", async () => {
    const tables = `import { serial, table, varchar } from "@mig/core";\nexport const Ticket = table("ticket", { code: varchar({ length: 10 }).primaryKey(), number: serial() });\n`;
    for (const connection of [MARIADB, SQLITE]) {
      const { code, out } = await newAuto(connection, tables);
      expect(code).toBe(1);
      expect(out.error).toMatchObject({ code: "MIG_E_SCHEMA_INVALID", problems: [{ table: "ticket", column: "number" }] });
    }
  });

  it("a dropped and an added table with only their key are offered as a rename", async () => {
    const before = `import { table } from "@mig/core";\nexport const Band = table("band", {});\n`;
    const { project } = await newAuto(SQLITE, before);
    project.write("src/music/tables.ts", `import { table } from "@mig/core";\nexport const Performer = table("performer", {});\n`);
    const io = testDeps({ cwd: project.dir });
    expect(await newMigration({ app: "music", auto: true, json: true }, io.deps)).toBe(3);
    expect(JSON.parse(io.stdout()).error.problems.map((p: { message: string }) => p.message)).toEqual(["Did you rename table band to performer? (y/N)"]);
  });
});
