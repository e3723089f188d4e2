import { describe, expect, it } from "vitest";
import { KNOWN_DIALECTS } from "../../test/known-dialects";
import { absoluteFileUrl, resolveConnection } from "./resolve-connection";

const apps = [{ name: "a", tables: "./t.ts", migrations: "./m" }];

describe("resolveConnection", () => {
  it("takes the dialect from the URL scheme", () => {
    expect(resolveConnection({ apps, connection: "mariadb://root@127.0.0.1/app" }, {}, { dialects: KNOWN_DIALECTS })).toEqual({
      dialect: "mysql",
      connection: "mariadb://root@127.0.0.1/app",
      source: "config",
    });
  });

  it("falls back to DATABASE_URL", () => {
    expect(resolveConnection({ apps }, { DATABASE_URL: "postgres://127.0.0.1/app" }, { dialects: KNOWN_DIALECTS })).toMatchObject({ dialect: "postgres", source: "DATABASE_URL" });
  });

  it("prefers the config's dialect and connection", () => {
    const result = resolveConnection({ apps, dialect: "sqlite", connection: { filename: "x.db" } }, { DATABASE_URL: "postgres://h/d" }, { dialects: KNOWN_DIALECTS });
    expect(result).toEqual({ dialect: "sqlite", connection: { filename: "x.db" }, source: "config" });
  });

  it("fails with MIG_E_CONFIG when nothing says where to connect", () => {
    expect(() => resolveConnection({ apps }, {}, { dialects: KNOWN_DIALECTS })).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG" }));
    expect(() => resolveConnection({ apps, connection: { filename: "x" } }, {}, { dialects: KNOWN_DIALECTS })).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG" }));
  });
});

describe("absoluteFileUrl", () => {
  it("makes relative file URLs absolute and leaves the rest alone", () => {
    expect(absoluteFileUrl("sqlite:./x.db", "/srv/app", KNOWN_DIALECTS)).toBe("sqlite:/srv/app/x.db");
    expect(absoluteFileUrl("file:data/x.db?mode=ro", "/srv", KNOWN_DIALECTS)).toBe("file:/srv/data/x.db?mode=ro");
    expect(absoluteFileUrl("sqlite:/abs/x.db", "/srv", KNOWN_DIALECTS)).toBe("sqlite:/abs/x.db");
    expect(absoluteFileUrl("sqlite::memory:", "/srv", KNOWN_DIALECTS)).toBe("sqlite::memory:");
    expect(absoluteFileUrl("postgres://h/db", "/srv", KNOWN_DIALECTS)).toBe("postgres://h/db");
    expect(absoluteFileUrl({ filename: "x.db" }, "/srv", KNOWN_DIALECTS)).toEqual({ filename: "x.db" });
  });

  it("resolves the config's URL against the config folder and DATABASE_URL against the working directory", () => {
    expect(resolveConnection({ apps, connection: "sqlite:./a.db" }, {}, { configDir: "/cfg", cwd: "/cwd", dialects: KNOWN_DIALECTS }).connection).toBe("sqlite:/cfg/a.db");
    expect(resolveConnection({ apps }, { DATABASE_URL: "sqlite:./a.db" }, { configDir: "/cfg", cwd: "/cwd", dialects: KNOWN_DIALECTS }).connection).toBe("sqlite:/cwd/a.db");
  });
});

describe("resolveConnection checks built-in URLs once, for every dialect", () => {
  it.each([
    ["postgres://user:pw@127.0.0.1:notaport/db", /postgres:\/\/ connection URL cannot be used: its port "notaport" is not a number \(connection in the config\)/],
    ["mysql://user:pw@127.0.0.1:notaport/db", /mysql:\/\/ connection URL cannot be used: its port "notaport"/],
    ["sqlite:", /names no database file/],
  ])("%s → MIG_E_CONFIG", (connection, message) => {
    expect(() => resolveConnection({ apps: [], connection }, {}, { dialects: KNOWN_DIALECTS })).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG", message: expect.stringMatching(message) }));
  });

  it("says when the URL came from DATABASE_URL, and leaves a plugin's scheme to its dialect", () => {
    expect(() => resolveConnection({ apps: [] }, { DATABASE_URL: "postgres://u:pw@h:x/db" }, { dialects: KNOWN_DIALECTS })).toThrow(/\(DATABASE_URL\)/);
    expect(resolveConnection({ apps: [], connection: "pglite://./data:x" }, {}, { dialects: KNOWN_DIALECTS }).dialect).toBe("pglite");
  });
});
