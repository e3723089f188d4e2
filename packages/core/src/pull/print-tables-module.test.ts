import { describe, expect, it } from "vitest";
import { snap, t } from "../diff/fixtures";
import type { Entity } from "../snapshot/entities";
import { printTablesModule } from "./print-tables-module";

const fk = (table: string, column: string, target: string, extra: Partial<Extract<Entity, { kind: "foreign_key" }>> = {}): Entity => ({
  kind: "foreign_key", table, name: `${table}_${column}_fkey`, columns: [column], references: { table: target, columns: ["id"] },
  onDelete: "no action", onUpdate: "no action", ...extra,
});

describe("printTablesModule", () => {
  it("writes FK targets first, a self-reference, and leaves out derived names", () => {
    const snapshot = snap(
      t("band", { name: { type: "varchar", length: 100 }, manager: { type: "integer", nullable: true }, parent: { type: "integer", nullable: true } }),
      [fk("band", "manager", "manager", { onDelete: "cascade" }), fk("band", "parent", "band", { name: "band_parent" })],
      t("manager", { name: "text" }),
    );
    const { text, leftOut } = printTablesModule(snapshot);
    expect(leftOut).toEqual([]);
    expect(text).toBe(`import { foreignKey, serial, table, text, varchar } from "@mig/core";

export const Manager = table("manager", {
  id: serial().primaryKey(),
  name: text(),
});

export const Band = table("band", {
  id: serial().primaryKey(),
  name: varchar({ length: 100 }),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  parent: foreignKey("self", { name: "band_parent" }).nullable(),
});
`);
  });

  it("leaves out what the DSL cannot say, with the reason", () => {
    const snapshot = snap(
      t("edition", { isbn: "text", number: "integer" }, { primaryKey: ["isbn", "number"] }),
      t("print", { isbn: "text", number: "integer", note: { type: "varchar" } }),
      [{ kind: "foreign_key", table: "print", name: "print_edition_fkey", columns: ["isbn", "number"], references: { table: "edition", columns: ["isbn", "number"] }, onDelete: "no action", onUpdate: "no action" }],
    );
    const { text, leftOut } = printTablesModule(snapshot);
    expect(leftOut.map((l) => `${l.entity.kind} ${"table" in l.entity ? l.entity.table : ""}.${l.entity.name}: ${l.reason}`)).toEqual([
      "column print.note: a varchar without a length cannot be written in the DSL (varchar() means 255)",
      "foreign_key print.print_edition_fkey: it spans several columns (foreignKey() makes one column)",
    ]);
    expect(text).toContain(`primaryKey: ["isbn", "number"]`);
    expect(text).not.toContain("note");
  });

  it("writes the schema option for a table of a named schema, and foreign keys across schemas by export name", () => {
    const band = '"music"."band"';
    const snapshot = snap(t(band, { name: "text" }), t("album", { band: "integer" }), [fk("album", "band", band)]);
    const { text } = printTablesModule(snapshot);
    expect(text).toContain(`export const MusicBand = table("band", {
  id: serial().primaryKey(),
  name: text(),
}, {
  schema: "music",
});`);
    expect(text).toContain("band: foreignKey(() => MusicBand),");
  });
});
