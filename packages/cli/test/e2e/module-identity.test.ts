import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createProject } from "../support/project";

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist");

/**
 * The binary loads the user's files with jiti: what they import from @mig/* must be the very
 * modules the CLI runs (one MigrationManager class, one MigError class), including through the
 * user's own relative imports, and default imports must be the default export.
 */
describe("user modules loaded by the built CLI", () => {
  const project = createProject("identity", {
    "base.ts": `export { MigrationManager as Manager } from "@mig/core";\n`,
    "user.ts": [
      `import { MigrationManager, MigError, table, varchar } from "@mig/core";`,
      `import sqlite from "@mig/sqlite";`,
      `import { Manager } from "./base";`,
      `export const Band = table("band", { name: varchar({ length: 10 }) });`,
      `export const classes = { MigrationManager, MigError, Manager };`,
      `export const dialect = sqlite;`,
      ``,
    ].join("\n"),
    // Files of one folder share one import of each @mig/* package; another folder has its own.
    "other.ts": `import { MigrationManager } from "@mig/core";\nexport const Other = MigrationManager;\n`,
    "sub/deep.ts": `import { MigrationManager } from "@mig/core";\nexport const Deep = MigrationManager;\n`,
    "missing.ts": `import { nothing } from "@mig/no-such-package";\nexport const value = nothing;\n`,
    "throws.ts": `import { MigrationManager } from "@mig/core";\nexport const Manager = MigrationManager;\nthrow new Error("boom");\n`,
  });
  afterAll(() => project.remove());

  it("share @mig/core and @mig/sqlite with the CLI", () => {
    const script = `
      const { nodeDeps } = await import(${JSON.stringify(pathToFileURL(join(DIST, "index.js")).href)});
      const core = await import("@mig/core");
      const sqlite = await import("@mig/sqlite");
      const deps = nodeDeps();
      const user = await deps.loadModule(${JSON.stringify(join(project.dir, "user.ts"))});
      const other = await deps.loadModule(${JSON.stringify(join(project.dir, "other.ts"))});
      const deep = await deps.loadModule(${JSON.stringify(join(project.dir, "sub", "deep.ts"))});
      const failures = [];
      for (let i = 0; i < 2; i++) {
        await deps.loadModule(${JSON.stringify(join(project.dir, "missing.ts"))}).catch((error) => failures.push(/no-such-package/.test(String(error))));
      }
      console.log(JSON.stringify({
        manager: user.classes.MigrationManager === core.MigrationManager,
        error: user.classes.MigError === core.MigError,
        relative: user.classes.Manager === core.MigrationManager,
        table: core.isTable(user.Band),
        defaultImport: user.dialect === sqlite.default,
        sameFolder: other.Other === core.MigrationManager,
        subFolder: deep.Deep === core.MigrationManager,
        missingPackageFailsEachTime: failures,
      }));
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project.dir, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      manager: true,
      error: true,
      relative: true,
      table: true,
      defaultImport: true,
      sameFolder: true,
      subFolder: true,
      missingPackageFailsEachTime: [true, true],
    });
  });

  it("run modules that import only @mig/* packages without jiti, with the same packages, errors naming the file", () => {
    const script = `
      const { createRequire } = await import("node:module");
      const { nodeDeps } = await import(${JSON.stringify(pathToFileURL(join(DIST, "index.js")).href)});
      const core = await import("@mig/core");
      const jitiLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\\\/]jiti[\\\\/]/.test(path));
      const deps = nodeDeps();
      const other = await deps.loadModule(${JSON.stringify(join(project.dir, "other.ts"))});
      const deep = await deps.loadModule(${JSON.stringify(join(project.dir, "sub", "deep.ts"))});
      const stack = await deps.loadModule(${JSON.stringify(join(project.dir, "throws.ts"))}).then(() => "", (error) => String(error.stack));
      const plainWithoutJiti = !jitiLoaded();
      const user = await deps.loadModule(${JSON.stringify(join(project.dir, "user.ts"))});
      console.log(JSON.stringify({
        sameFolder: other.Other === core.MigrationManager,
        subFolder: deep.Deep === core.MigrationManager,
        throwsInItsFile: stack.includes("boom") && stack.includes(${JSON.stringify(join(project.dir, "throws.ts"))} + ":"),
        plainWithoutJiti,
        relativeThroughJiti: user.classes.Manager === core.MigrationManager && jitiLoaded(),
      }));
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project.dir, encoding: "utf8", env: { ...process.env, MIG_CACHE: "0" } });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ sameFolder: true, subFolder: true, throwsInItsFile: true, plainWithoutJiti: true, relativeThroughJiti: true });
  });
});
