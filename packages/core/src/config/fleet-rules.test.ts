import { describe, expect, it } from "vitest";
import { KNOWN_DIALECTS } from "../../test/known-dialects";
import { isMigError, type MigError } from "../errors/mig-error";
import { resolveFleet } from "./resolve-fleet";
import { validateConfig } from "./validate-config";

const apps = [{ name: "music", tables: "./tables.ts", migrations: "./migrations" }];

function configError(raw: unknown): MigError {
  try {
    validateConfig(raw, "the config", { dialects: KNOWN_DIALECTS });
  } catch (error) {
    if (isMigError(error, "MIG_E_CONFIG")) return error;
    throw error;
  }
  throw new Error("expected MIG_E_CONFIG");
}

async function fleetError(promise: Promise<unknown>): Promise<MigError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (isMigError(error, "MIG_E_CONFIG")) return error;
  throw new Error(`expected MIG_E_CONFIG, got ${String(error)}`);
}

describe("fleet in the config", () => {
  it("accepts targets of several dialects, and a function", () => {
    const fleet = [
      { name: "a", connection: "postgres://app:pw@127.0.0.1/a" },
      { name: "b", connection: "mysql://root@127.0.0.1/b" },
      { name: "c", connection: "sqlite:./c.db" },
      { name: "d", connection: { filename: "./d.db" }, dialect: "sqlite" },
    ];
    expect(validateConfig({ apps, fleet }, "the config", { dialects: KNOWN_DIALECTS }).fleet).toBe(fleet);
    const fn = async () => fleet;
    expect(validateConfig({ apps, fleet: fn }, "the config", { dialects: KNOWN_DIALECTS }).fleet).toBe(fn);
  });

  it("reports every problem of the list at once, with paths", () => {
    const error = configError({
      apps,
      fleet: [
        { name: "a", connection: "postgres://127.0.0.1/a" },
        { name: "a", connection: "localhost:5432/a" },
        { connection: 42, region: "eu" },
        "sqlite:./x.db",
        { name: "e", connection: { filename: "./e.db" } },
      ],
    });
    expect(error.problems.map((p) => p.path)).toEqual([
      "fleet[1].connection",
      "fleet[2].region",
      "fleet[2].name",
      "fleet[2].connection",
      "fleet[3]",
      "fleet[4].dialect",
      "fleet[1].name",
    ]);
    expect(error.problems.at(-1)?.message).toBe('Duplicate target name "a" (also fleet[0])');
    expect(configError({ apps, fleet: [] }).problems.map((p) => p.path)).toEqual(["fleet"]);
    expect(configError({ apps, fleet: "postgres://x/y" }).problems.map((p) => p.path)).toEqual(["fleet"]);
  });

  it("never echoes a connection that is not a URL (it may hold a password)", () => {
    const error = configError({ apps, fleet: [{ name: "a", connection: "app:s3cret@db:5432/a" }] });
    expect(JSON.stringify(error.problems)).not.toContain("s3cret");
  });
});

describe("resolveFleet", () => {
  it("picks each target's dialect and makes file URLs absolute", async () => {
    const targets = await resolveFleet(
      { apps, dialect: "postgres", fleet: async () => [
        { name: "a", connection: "postgresql://127.0.0.1/a" },
        { name: "b", connection: "sqlite:./b.db" },
        { name: "c", connection: { host: "127.0.0.1" } },
        { name: "d", connection: "mariadb://127.0.0.1/d" },
      ] },
      { configDir: "/srv/app", dialects: KNOWN_DIALECTS },
    );
    expect(targets).toEqual([
      { name: "a", dialect: "postgres", connection: "postgresql://127.0.0.1/a" },
      { name: "b", dialect: "sqlite", connection: "sqlite:/srv/app/b.db" },
      { name: "c", dialect: "postgres", connection: { host: "127.0.0.1" } },
      { name: "d", dialect: "mysql", connection: "mariadb://127.0.0.1/d" },
    ]);
  });

  it("checks what the function returns, and reports a function that throws", async () => {
    const bad = await fleetError(resolveFleet({ apps, fleet: () => [{ name: "a", connection: "sqlite:a.db" }, { name: "a", connection: "sqlite:b.db" }] }, { dialects: KNOWN_DIALECTS }));
    expect(bad.problems.map((p) => p.path)).toEqual(["fleet()[1].name"]);
    const thrown = await fleetError(resolveFleet({ apps, fleet: async () => { throw new Error("tenants table is gone"); } }));
    expect(thrown.message).toContain("tenants table is gone");
    const none = await fleetError(resolveFleet({ apps }));
    expect(none.problems.map((p) => p.path)).toEqual(["fleet"]);
  });
});
