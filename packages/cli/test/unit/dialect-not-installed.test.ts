import { afterAll, describe, expect, it, vi } from "vitest";
import { resolveDialect } from "../../src/registry/resolve-dialect";
import { createProject } from "../support/project";

// This process has no @mig/sqlite: its descriptor fails to import, as a package that is not installed does.
vi.mock("@mig/sqlite/descriptor", () => {
  throw new Error("Cannot find package '@mig/sqlite'");
});

const project = createProject("dialect-not-installed", {});
afterAll(() => project.remove());
const context = { cwd: project.dir, conditions: ["source", "import", "default"] };

describe("a built-in dialect whose package is not installed", () => {
  it("is named with its package and the command that installs it", async () => {
    const error = await resolveDialect("SQLite", [], context).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "MIG_E_DIALECT",
      message: expect.stringContaining("@mig/sqlite is not installed"),
      hint: expect.stringMatching(/npm install @mig\/sqlite$/),
      meta: { dialect: "SQLite", package: "@mig/sqlite" },
    });
  });

  it("is offered for a name it may answer to (an alias), next to the plugin package", async () => {
    const error = await resolveDialect("sqlite9", [], context).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MIG_E_DIALECT", meta: { dialect: "sqlite9", notInstalled: ["@mig/sqlite"] } });
    expect((error as { hint: string }).hint).toContain("npm install mig-dialect-sqlite9");
    expect((error as { hint: string }).hint).toContain("npm install @mig/sqlite");
  });

  it("leaves the installed built-ins as they are", async () => {
    expect((await resolveDialect("pg", [], context)).name).toBe("postgres");
  });
});
