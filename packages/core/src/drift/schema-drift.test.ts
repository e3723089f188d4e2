import { describe, expect, it } from "vitest";
import type { Dialect } from "../dialect/dialect";
import { snap, t } from "../diff/fixtures";
import { schemaDrift } from "./schema-drift";

/** No normalisation beyond the default: types as they are. */
const dialect = { name: "plain", types: { toNative: () => "", fromNative: () => undefined } } as unknown as Dialect;

describe("schemaDrift", () => {
  it("is empty for the same schema", () => {
    const schema = snap(t("band", { name: "text" }, { indexes: [{ columns: ["name"] }] }));
    expect(schemaDrift(dialect, schema, schema)).toEqual([]);
  });

  it("names every difference: extra column, missing index, changed default / type / nullability, extra table once", () => {
    const expected = snap(t("band", { name: "text", rank: { type: "integer", default: { kind: "value", value: 0 } } }, { indexes: [{ columns: ["name"] }] }));
    const actual = snap(
      t("band", { name: { type: "varchar", length: 10, nullable: true }, rank: { type: "integer", default: { kind: "value", value: 5 } }, extra: "integer" }),
      t("notes", { body: "text" }),
    );
    expect(schemaDrift(dialect, expected, actual).map((d) => d.message)).toEqual([
      "column band.name: type changed (migrations: text(), database: varchar(10)), nullability changed (migrations: NOT NULL, database: NULL)",
      "column band.rank: default changed (migrations: 0, database: 5)",
      "index band.band_name_idx: in the migrations, not in the database",
      "column band.extra: only in the database",
      "table notes: only in the database",
    ]);
  });

  it("reports a missing table once, not each of its entities", () => {
    const drift = schemaDrift(dialect, snap(t("band", { name: "text" })), snap());
    expect(drift).toMatchObject([{ change: "missing", entity: "table", table: "band" }]);
  });
});
