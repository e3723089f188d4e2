import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requireIntrospector } from "@mig/core/dialect";
import { sqliteDialect } from "@mig/sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDialect } from "../../src/registry/resolve-dialect";
import { createProject } from "../support/project";

const project = createProject("registry", {});
afterAll(() => project.remove());
const context = { cwd: project.dir, conditions: ["source", "import", "default"] };

/** A dialect-shaped plain object (no database behind it) for registry tests. */
const FAKE_DIALECT_JS = (name: string, omit: string[] = []) => `
const fn = () => {};
const dialect = {
  name: ${JSON.stringify(name)}, aliases: ["${name}-alias"], urlSchemes: ["${name}db"], capabilities: {},
  emitter: { emit: fn, hooks: {} }, types: { toNative: fn, fromNative: fn }, introspector: { introspect: fn },
  placeholder: fn, connect: fn, describeConnection: fn,
};
for (const key of ${JSON.stringify(omit)}) delete dialect[key];
export default dialect;
`;

function installPackage(name: string, js: string): void {
  const dir = join(project.dir, "node_modules", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, type: "module", exports: { ".": { import: "./index.js" } } }));
  writeFileSync(join(dir, "index.js"), js);
}

installPackage("mig-dialect-fake", FAKE_DIALECT_JS("fake"));
installPackage("mig-dialect-broken", FAKE_DIALECT_JS("broken", ["connect", "introspector"]));
installPackage("my-company-dialect", FAKE_DIALECT_JS("acme"));
installPackage("mig-dialect-blind", FAKE_DIALECT_JS("blind", ["introspector"]));

describe("resolveDialect", () => {
  it.each([
    ["postgres", "postgres"],
    ["pg", "postgres"],
    ["postgresql", "postgres"],
    ["mysql", "mysql"],
    ["mariadb", "mysql"],
    ["sqlite", "sqlite"],
    ["SQLite", "sqlite"],
  ])("built-in %s is the %s dialect", async (name, expected) => {
    expect((await resolveDialect(name, [], context)).name).toBe(expected);
  });

  it("uses a dialect object as is, after checking its shape", async () => {
    expect(await resolveDialect(sqliteDialect, [], context)).toBe(sqliteDialect);
    await expect(resolveDialect({ name: "half" } as never, [], context)).rejects.toMatchObject({ code: "MIG_E_DIALECT" });
  });

  it("finds plugin objects by name, alias and URL scheme", async () => {
    const plugin = { ...sqliteDialect, name: "lite2", aliases: ["l2"], urlSchemes: ["lite2"] };
    expect(await resolveDialect("lite2", [plugin], context)).toBe(plugin);
    expect(await resolveDialect("l2", [plugin], context)).toBe(plugin);
  });

  it("loads plugin packages from the user's project", async () => {
    expect((await resolveDialect("acme", ["my-company-dialect"], context)).name).toBe("acme");
    expect((await resolveDialect("acme-alias", ["my-company-dialect"], context)).name).toBe("acme");
  });

  it("falls back to the package mig-dialect-<name>", async () => {
    expect((await resolveDialect("fake", [], context)).name).toBe("fake");
    expect((await resolveDialect("mig-dialect-fake", [], context)).name).toBe("fake");
  });

  it("names every missing part of a plugin of the wrong shape", async () => {
    const error = await resolveDialect("broken", [], context).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MIG_E_DIALECT" });
    expect((error as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual(["connect"]);
  });

  it("accepts a dialect without an introspector (it is optional: pull and drift refuse, nothing else)", async () => {
    const dialect = await resolveDialect("blind", [], context);
    expect(dialect.introspector).toBeUndefined();
    expect(() => requireIntrospector(dialect, "mig pull")).toThrow(expect.objectContaining({ code: "MIG_E_UNSUPPORTED" }));
  });

  it("reports an unknown dialect and a plugin package that is not installed", async () => {
    await expect(resolveDialect("oracle", [], context)).rejects.toMatchObject({ code: "MIG_E_DIALECT" });
    await expect(resolveDialect("x", ["not-installed-pkg"], context)).rejects.toMatchObject({ code: "MIG_E_DIALECT" });
    // The hint installs a dialect as the READMEs do: a dependency, not a dev dependency.
    await expect(resolveDialect("oracle", [], context)).rejects.toMatchObject({ hint: expect.stringMatching(/npm install mig-dialect-oracle$/) });
    await expect(resolveDialect("x", ["not-installed-pkg"], context)).rejects.toMatchObject({ hint: "npm install not-installed-pkg" });
  });
});
