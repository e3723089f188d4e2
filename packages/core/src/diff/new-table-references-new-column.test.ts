import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations/apply-operation";
import { foreignKey, integer, table, varchar } from "../schema/index";
import { snapshotFromTables } from "../validate/from-tables";
import { diff } from "./diff";

describe("a new table referencing a column the same diff adds", () => {
  it("adds the column before anything references it, and the plan replays", () => {
    const Artist = table("artist", { name: varchar({ length: 50 }) });
    const Artist2 = table("artist", { name: varchar({ length: 50 }), code: integer().unique() });
    const Album = table("album", { artist: foreignKey(() => Artist2, { column: "code" }) });
    const from = snapshotFromTables({ Artist });
    const to = snapshotFromTables({ Artist: Artist2, Album });
    const operations = diff(from, to, { backfill: { "artist.code": 0 } });
    const addColumn = operations.findIndex((op) => op.kind === "add_column");
    const addUnique = operations.findIndex((op) => op.kind === "add_unique");
    const fkUse = operations.findIndex(
      (op) => (op.kind === "create_table" && op.schema.foreignKeys.length > 0) || op.kind === "add_foreign_key",
    );
    expect(addColumn).toBeGreaterThanOrEqual(0);
    expect(fkUse).toBeGreaterThan(addColumn);
    expect(fkUse).toBeGreaterThan(addUnique);
    const replayed = operations.reduce(applyOperation, from);
    expect(diff(replayed, to)).toEqual([]);
  });
});
