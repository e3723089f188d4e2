import { describe, expect, it } from "vitest";
import { isMigError } from "@mig/core/dialect";
import { describePgliteConnection, resolvePgliteTarget } from "mig-dialect-pglite";

describe("resolvePgliteTarget", () => {
  it.each([
    ["pglite:memory"],
    ["pglite://memory"],
    ["pglite::memory:"],
    ["pglite:"],
  ])("%s is a new in-memory database", (url) => {
    expect(resolvePgliteTarget(url, "/srv/app")).toEqual({ kind: "memory" });
  });

  it.each([
    ["pglite:./data", "/srv/app/data"],
    ["pglite:data", "/srv/app/data"],
    ["pglite://./data", "/srv/app/data"],
    ["pglite:/var/lib/app", "/var/lib/app"],
    ["pglite:///var/lib/app", "/var/lib/app"],
    ["PGLITE:./a%20b", "/srv/app/a b"],
  ])("%s is the data dir %s (relative to the working directory)", (url, dataDir) => {
    expect(resolvePgliteTarget(url, "/srv/app")).toEqual({ kind: "dir", dataDir });
  });

  it("takes an options object: dataDir, url, or nothing (in memory)", () => {
    expect(resolvePgliteTarget({ dataDir: "./db" }, "/srv/app")).toEqual({ kind: "dir", dataDir: "/srv/app/db" });
    expect(resolvePgliteTarget({ url: "pglite:/x" }, "/srv/app")).toEqual({ kind: "dir", dataDir: "/x" });
    expect(resolvePgliteTarget({}, "/srv/app")).toEqual({ kind: "memory" });
  });

  it("refuses another scheme and wrongly typed options with MIG_E_CONFIG", () => {
    for (const config of ["postgres://127.0.0.1/app", { dataDir: 5 }, { url: true }, { pglite: "not an instance" }]) {
      let error: unknown;
      try {
        resolvePgliteTarget(config as never);
      } catch (e) {
        error = e;
      }
      expect(isMigError(error, "MIG_E_CONFIG"), JSON.stringify(config)).toBe(true);
    }
  });
});

describe("describePgliteConnection", () => {
  it("names the place in one line", () => {
    expect(describePgliteConnection("pglite:memory")).toBe("pglite (in memory)");
    expect(describePgliteConnection("pglite:/var/lib/app")).toBe("pglite data dir /var/lib/app");
    expect(describePgliteConnection("mysql://root:secret@db/app")).toBe("pglite (invalid connection settings)");
  });
});
