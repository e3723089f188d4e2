import { describe, expect, test } from "vitest";
import { isMigError } from "../../errors/mig-error";
import { enumeration, serial } from "../../schema/column-factories";
import { type Table, table } from "../../schema/table";
import { validateTables } from "../validate-tables";

function problems(tables: readonly Table[]): string[] {
  try {
    validateTables(tables);
    return [];
  } catch (error) {
    if (!isMigError(error, "MIG_E_SCHEMA_INVALID")) throw error;
    return error.problems.map((p) => `${p.table}.${p.column}: ${p.message}`);
  }
}

const mood = (labels: readonly string[], schema?: string) =>
  table(`band_${schema ?? "here"}_${labels.length}`, { id: serial().primaryKey(), mood: enumeration("mood", labels) }, schema === undefined ? {} : { schema });

describe("enumTypes", () => {
  test("columns naming one enum in one schema must list the same labels", () => {
    expect(problems([mood(["sad", "ok"]), mood(["sad", "ok", "happy"])])).toEqual([
      'band_here_3.mood: Enum "mood" lists ["sad","ok","happy"] here but ["sad","ok"] on band_here_2.mood; columns naming one enum share its labels (give one of them another name)',
    ]);
    expect(problems([mood(["sad", "ok"], "music"), mood(["sad", "ok", "happy"], "music")])).toHaveLength(1);
  });

  test("the type lives in its table's schema: the same name in two schemas is two types, whose labels may differ", () => {
    expect(problems([mood(["sad", "ok"]), mood(["sad", "ok", "happy"], "music"), mood(["a"], "archive")])).toEqual([]);
  });
});
