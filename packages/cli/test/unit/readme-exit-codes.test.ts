import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ERROR_CODES } from "@mig/core";
import { describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/output/exit-code";

const README = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "../../README.md"), "utf8");

describe("the CLI README's error-code table", () => {
  it("lists every error code with the exit code the CLI gives it", () => {
    const rows = [...README.matchAll(/^\| `(MIG_E_[A-Z_]+)` \| (\d) \|/gm)].map((match) => [match[1]!, Number(match[2])] as const);
    expect(rows.map(([code]) => code).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, exit] of rows) expect(exit, code).toBe(exitCodeFor(code));
  });
});
