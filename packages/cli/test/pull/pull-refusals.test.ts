import { describe, expect, it } from "vitest";
import { run as check } from "../../src/commands/check/run";
import { run as pull } from "../../src/commands/pull/run";
import { createProject } from "../support/project";
import { testDeps } from "../support/test-deps";

/** A third-party dialect without the optional introspector (SQLite's parts otherwise). */
const BLIND_CONFIG = `import { defineConfig } from "@mig/core";
import { sqliteDialect } from "@mig/sqlite";

export default defineConfig({
  dialect: { ...sqliteDialect, name: "blind", introspector: undefined },
  connection: { filename: "./blind.db" },
  apps: [{ name: "legacy", tables: "./src/legacy/tables.ts", migrations: "./src/legacy/migrations" }],
});
`;

const errorOf = (stdout: string) => (JSON.parse(stdout) as { error: { code: string; message: string } }).error;

describe("mig pull and check --drift refusals", () => {
  it("refuse a dialect without an introspector with MIG_E_UNSUPPORTED, writing nothing", async () => {
    const project = createProject("pull-blind", { "mig.config.ts": BLIND_CONFIG });
    try {
      const pulled = testDeps({ cwd: project.dir });
      expect(await pull({ app: "legacy", json: true }, pulled.deps)).toBe(1);
      expect(errorOf(pulled.stdout())).toMatchObject({ code: "MIG_E_UNSUPPORTED", message: expect.stringContaining("blind") });
      expect(project.list("src/legacy")).toEqual([]);

      const drift = testDeps({ cwd: project.dir });
      expect(await check({ drift: true, json: true }, drift.deps)).toBe(1);
      expect(errorOf(drift.stdout()).code).toBe("MIG_E_UNSUPPORTED");
    } finally {
      project.remove();
    }
  });

  it("refuses to overwrite an existing tables module", async () => {
    const project = createProject("pull-existing", {
      "mig.config.ts": BLIND_CONFIG.replace(`{ ...sqliteDialect, name: "blind", introspector: undefined }`, "sqliteDialect"),
      "src/legacy/tables.ts": "export {};\n",
    });
    try {
      const pulled = testDeps({ cwd: project.dir });
      expect(await pull({ app: "legacy", json: true }, pulled.deps)).toBe(2);
      expect(errorOf(pulled.stdout()).code).toBe("MIG_E_USAGE");
      expect(project.read("src/legacy/tables.ts")).toBe("export {};\n");
    } finally {
      project.remove();
    }
  });
});
