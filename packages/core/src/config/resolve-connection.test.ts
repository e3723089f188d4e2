import { describe, expect, it } from "vitest";
import { resolveConnection } from "./resolve-connection";

const apps = [{ name: "a", tables: "./t.ts", migrations: "./m" }];

describe("resolveConnection", () => {
  it("takes the dialect from the URL scheme", () => {
    expect(resolveConnection({ apps, connection: "mariadb://root@127.0.0.1/app" }, {})).toEqual({
      dialect: "mysql",
      connection: "mariadb://root@127.0.0.1/app",
      source: "config",
    });
  });

  it("falls back to DATABASE_URL", () => {
    expect(resolveConnection({ apps }, { DATABASE_URL: "postgres://127.0.0.1/app" })).toMatchObject({ dialect: "postgres", source: "DATABASE_URL" });
  });

  it("prefers the config's dialect and connection", () => {
    const result = resolveConnection({ apps, dialect: "sqlite", connection: { filename: "x.db" } }, { DATABASE_URL: "postgres://h/d" });
    expect(result).toEqual({ dialect: "sqlite", connection: { filename: "x.db" }, source: "config" });
  });

  it("fails with MIG_E_CONFIG when nothing says where to connect", () => {
    expect(() => resolveConnection({ apps }, {})).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG" }));
    expect(() => resolveConnection({ apps, connection: { filename: "x" } }, {})).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG" }));
  });
});
