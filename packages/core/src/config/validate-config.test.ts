import { describe, expect, it } from "vitest";
import { KNOWN_DIALECTS } from "../../test/known-dialects";
import { isMigError, type MigError } from "../errors/mig-error";
import { validateConfig } from "./validate-config";

const app = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  tables: `./src/${name}/tables.ts`,
  migrations: `./src/${name}/migrations`,
  ...extra,
});

function problemsOf(raw: unknown): MigError {
  try {
    validateConfig(raw, "the config", { dialects: KNOWN_DIALECTS });
  } catch (error) {
    if (isMigError(error, "MIG_E_CONFIG")) return error;
    throw error;
  }
  throw new Error("expected MIG_E_CONFIG");
}

describe("validateConfig", () => {
  it("accepts a full config and returns it", () => {
    const config = {
      dialect: "sqlite",
      connection: { filename: "./x.db" },
      apps: [app("music"), app("shop", { dependsOn: ["music"] })],
      plugins: ["mig-dialect-foo"],
      trackingTable: "my_migrations",
      lockTimeoutMs: 5000,
    };
    expect(validateConfig(config, "the config", { dialects: KNOWN_DIALECTS })).toBe(config);
  });

  it("accepts a plugin's own `scheme:` URL form only when a plugin may claim it", () => {
    const withPlugin = { dialect: "pglite", connection: "pglite:./data", apps: [app("music")], plugins: ["mig-dialect-pglite"] };
    expect(validateConfig(withPlugin, "the config", { dialects: KNOWN_DIALECTS })).toBe(withPlugin);
    // Without plugins, `host:port` is a typo for a URL, not a dialect's scheme.
    expect(problemsOf({ connection: "localhost:5432/app", apps: [app("music")] }).problems.map((p) => p.path)).toContain("connection");
  });

  it("rejects a default export that is not an object", () => {
    expect(problemsOf(undefined).code).toBe("MIG_E_CONFIG");
    expect(problemsOf([]).code).toBe("MIG_E_CONFIG");
  });

  it("reports missing and empty apps", () => {
    expect(problemsOf({ dialect: "sqlite" }).problems.map((p) => p.path)).toEqual(["apps"]);
    expect(problemsOf({ apps: [] }).problems.map((p) => p.path)).toEqual(["apps"]);
    expect(problemsOf({ apps: {} }).problems.map((p) => p.path)).toEqual(["apps"]);
  });

  it("reports every problem at once", () => {
    const error = problemsOf({
      dialect: 42,
      connection: "not a url",
      apps: [{ name: "music", tables: 1 }, app("music"), "shop", app("shop", { dependsOn: ["musci", "shop"] })],
      plugins: [null],
      lockTimeoutMs: -1,
    });
    expect(error.problems.map((p) => p.path)).toEqual([
      "dialect",
      "connection",
      "apps[0].tables",
      "apps[0].migrations",
      "apps[2]",
      "apps[1].name",
      "apps[3].dependsOn",
      "apps[3].dependsOn",
      "plugins[0]",
      "lockTimeoutMs",
    ]);
  });

  it("accepts the online options and reports each bad one", () => {
    expect(() => validateConfig({ apps: [app("music")], online: true, onlineLockTimeoutMs: 500, onlineRetries: 0 }, "the config", { dialects: KNOWN_DIALECTS })).not.toThrow();
    const error = problemsOf({ apps: [app("music")], online: "yes", onlineLockTimeoutMs: 0, onlineRetries: 1.5 });
    expect(error.problems?.map((p) => p.path)).toEqual(["online", "onlineLockTimeoutMs", "onlineRetries"]);
  });

  it("suggests the right key for an unknown one", () => {
    const error = problemsOf({ apps: [app("music", { dependOn: [] })], dialct: "sqlite" });
    expect(error.problems.map((p) => p.path)).toEqual(["dialct", "apps[0].dependOn"]);
    expect(error.problems[0]?.message).toContain('"dialect"');
    expect(error.problems[1]?.message).toContain('"dependsOn"');
  });

  it("reports a dependency cycle with its path", () => {
    const error = problemsOf({ apps: [app("a", { dependsOn: ["b"] }), app("b", { dependsOn: ["c"] }), app("c", { dependsOn: ["a"] })] });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toContain("a → b → c → a");
  });

  it("refuses the reserved app name all", () => {
    expect(problemsOf({ apps: [app("all")] }).problems.map((p) => p.path)).toEqual(["apps[0].name"]);
  });

  it("never prints a password from a bad connection", () => {
    const error = problemsOf({ apps: [app("a")], connection: 7 });
    expect(error.problems[0]?.path).toBe("connection");
    const bad = problemsOf({ apps: [app("a")], connection: "user:hunter2@host" });
    expect(JSON.stringify(bad.toJSON())).not.toContain("hunter2");
  });
});
