import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { bindPlaceholders } from "./bind-placeholders";

const dollar = (i: number) => `$${i}`;
const question = () => "?";

describe("bindPlaceholders", () => {
  it("numbers placeholders in order", () => {
    expect(bindPlaceholders("UPDATE band SET a = {} WHERE b = {}", 2, dollar)).toBe("UPDATE band SET a = $1 WHERE b = $2");
    expect(bindPlaceholders("SELECT {}, {}", 2, question)).toBe("SELECT ?, ?");
    expect(bindPlaceholders("SELECT 1", 0, dollar)).toBe("SELECT 1");
  });

  it("leaves {} inside quoted strings and identifiers alone", () => {
    expect(bindPlaceholders("SELECT '{}', \"{}\", `{}`, {}", 1, dollar)).toBe("SELECT '{}', \"{}\", `{}`, $1");
    expect(bindPlaceholders("SELECT 'it''s {}', {}", 1, dollar)).toBe("SELECT 'it''s {}', $1");
  });

  it("refuses a count mismatch", () => {
    for (const [sql, count] of [["SELECT {}", 0], ["SELECT {}", 2], ["SELECT 1", 1]] as const) {
      let error: unknown;
      try {
        bindPlaceholders(sql, count, dollar);
      } catch (e) {
        error = e;
      }
      expect(isMigError(error, "MIG_E_USAGE")).toBe(true);
    }
  });
});
