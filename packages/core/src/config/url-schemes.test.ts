import { describe, expect, it } from "vitest";
import type { Dialect } from "../dialect/dialect";
import { KNOWN_DIALECTS } from "../../test/known-dialects";
import { dialectFromUrl } from "./connection-url";
import { resolveConnection } from "./resolve-connection";
import { resolveFleet } from "./resolve-fleet";
import { validateConfig } from "./validate-config";
import { dialectOfScheme, isFileScheme, urlForms } from "./url-schemes";

const apps = [{ name: "a", tables: "./t.ts", migrations: "./m" }];
/** A plugin's dialect object as a config gives it: only its names and schemes matter here. */
const duckLike = { name: "duck", urlSchemes: ["duck", "DuckDB"], fileUrls: true } as unknown as Dialect;

describe("URL schemes come from the known dialects", () => {
  it("knows no scheme without dialects: a file URL is then only a scheme:rest form", () => {
    expect(dialectOfScheme("sqlite", [])).toBeUndefined();
    expect(isFileScheme("sqlite", [])).toBe(false);
    expect(() => validateConfig({ apps, connection: "sqlite:./x.db" })).toThrow(/connection is not a URL \(expected scheme:\/\/…\)/);
    expect(validateConfig({ apps, connection: "sqlite:./x.db" }, "the config", { dialects: KNOWN_DIALECTS }).connection).toBe("sqlite:./x.db");
  });

  it("lists each dialect's URL form in messages, in the order given", () => {
    expect(urlForms(KNOWN_DIALECTS)).toEqual(["postgres://…", "mysql://…", "sqlite:./file.db", "file:./file.db"]);
    expect(urlForms([duckLike])).toEqual(["duck:./file.db", "duckdb:./file.db"]);
  });

  it("picks a dialect by any of its schemes, in any case", () => {
    expect(dialectFromUrl("DUCKDB:./x", [duckLike])).toBe("duck");
    expect(dialectFromUrl("postgresql://h/db", KNOWN_DIALECTS)).toBe("postgres");
    expect(dialectFromUrl("other:./x", KNOWN_DIALECTS)).toBe("other");
  });

  it("resolves a plugin object's file URLs against the config folder, like SQLite's", () => {
    const config = { apps, plugins: [duckLike], connection: "duckdb:./data/x.duck" };
    expect(validateConfig(config, "the config", { dialects: KNOWN_DIALECTS })).toBe(config);
    expect(resolveConnection(config, {}, { configDir: "/cfg", dialects: KNOWN_DIALECTS })).toEqual({
      dialect: "duck",
      connection: "duckdb:/cfg/data/x.duck",
      source: "config",
    });
    // Without the plugin object, the same URL is the plugin's to read: left as it is.
    expect(resolveConnection({ apps, connection: "duckdb:./data/x.duck" }, {}, { configDir: "/cfg", dialects: KNOWN_DIALECTS }).connection).toBe("duckdb:./data/x.duck");
  });

  it("refuses a plugin object's file URL that names no file, as for SQLite", () => {
    expect(() => resolveConnection({ apps, dialect: duckLike, connection: "duck:" }, {}, { configDir: "/cfg", dialects: KNOWN_DIALECTS })).toThrow(
      expect.objectContaining({ code: "MIG_E_CONFIG", message: expect.stringContaining('"duck:" names no database file') }),
    );
  });

  it("resolves a fleet's file URLs with the same schemes", async () => {
    const targets = await resolveFleet({ apps, plugins: [duckLike], fleet: [{ name: "a", connection: "duck:a.duck" }, { name: "b", connection: "file:b.db" }] }, { configDir: "/srv", dialects: KNOWN_DIALECTS });
    expect(targets.map((t) => [t.dialect, t.connection])).toEqual([
      ["duck", "duck:/srv/a.duck"],
      ["sqlite", "file:/srv/b.db"],
    ]);
  });
});
