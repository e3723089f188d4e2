import { describe, expect, it } from "vitest";
import { serialiseMigration } from "../serialise/serialise-migration";
import { isSelfContained } from "./self-contained";

describe("isSelfContained", () => {
  it("accepts what mig new writes", () => {
    expect(isSelfContained(serialiseMigration({ id: "2026-11-22T13:58:23:024723", appName: "a", version: "0.1.0", description: "", operations: [] }))).toBe(true);
  });

  it("accepts names of escapes inside strings and comments", () => {
    expect(isSelfContained(`import { MigrationManager } from "@mig/core";\n// process.env is not read\nconst columns = ["process", 'Date', "global"];`)).toBe(true);
  });

  it.each([
    ['import { x } from "./helpers";'],
    ["import x from '../tables';"],
    ['export { y } from "lodash";'],
    ['import "./side-effect";'],
    ["const v = process.env.X;"],
    ['const m = await import("./m");'],
    ['const m = require("./m");'],
    ["const now = Date.now();"],
    ["const r = Math.random();"],
    ["const g = globalThis.value;"],
    ["const u = import.meta.url;"],
    ["const t = `${process.env.X}`;"],
  ])("refuses %s", (line) => {
    expect(isSelfContained(`import { MigrationManager } from "@mig/core";\n${line}`)).toBe(false);
  });
});
