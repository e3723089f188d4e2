import { describe, expect, it, vi } from "vitest";
import { isMigError } from "@mig/core/dialect";

// This process has no better-sqlite3: `require` finds no package, as when it is not installed.
vi.mock("node:module", () => ({
  createRequire: () =>
    Object.assign(
      () => {
        throw new Error("not reached");
      },
      {
        resolve: () => {
          throw Object.assign(new Error("Cannot find module 'better-sqlite3'\nRequire stack: ..."), { code: "MODULE_NOT_FOUND" });
        },
      },
    ),
}));

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return isMigError(error) ? { code: error.code, message: error.message } : { code: "not a MigError", message: String(error) };
  }
  return { code: "resolved", message: "" };
}

describe("a driver that does not load", () => {
  it("is MIG_E_DIALECT naming better-sqlite3, not a connection problem, and only when a database is opened", async () => {
    const { sqliteDialect } = await import("../src/index");
    const failure = await failureOf(sqliteDialect.connect(":memory:"));
    expect(failure.code).toBe("MIG_E_DIALECT");
    expect(failure.message).toBe("The SQLite dialect's driver better-sqlite3 failed to load: Cannot find module 'better-sqlite3'");
  });
});
