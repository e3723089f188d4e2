import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:08:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 8.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "ixt95",
    className: "w2zyqw4",
    primaryKey: ["n09f"],
    columns: [
      { name: "ao76h3s", type: "bigserial" },
      { name: "n95p", type: "bigserial", nullable: true },
      { name: "xyihkgo", type: "bigint" },
      { name: "n09f", type: "real" },
      {
        name: "qv828var",
        type: "boolean",
        nullable: true,
        default: { kind: "value", value: false },
      },
    ],
    indexes: [
      { name: "fyov", columns: ["ao76h3s", "n09f"], method: "gin" },
      { name: "n4hjwbk6", columns: ["ao76h3s", "n09f"] },
    ],
    uniques: [
      { name: "cqh0zmz", columns: ["xyihkgo"] },
      { name: "nqjwg", columns: ["n95p", "xyihkgo", "n09f"] },
    ],
    foreignKeys: [
      {
        name: "mv",
        columns: ["xyihkgo"],
        references: { table: "spro", columns: ["ypbngyo0b"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
    ],
  });

  manager.dropTable({
    name: "spro",
    className: "l",
    primaryKey: ["ypbngyo0b"],
    columns: [{ name: "ypbngyo0b", type: "numeric", precision: 4, scale: 4 }],
    indexes: [
      { name: "gk0", columns: ["ypbngyo0b"] },
      { name: "oyk137w79t", columns: ["ypbngyo0b"], method: "gin" },
      { name: "ym2py8", columns: ["ypbngyo0b"] },
    ],
    uniques: [{ name: "gs", columns: ["ypbngyo0b"] }],
    checks: [
      { name: "bz94", sql: "e~" },
      { name: "gre07ab57", sql: "\\ll__d" },
    ],
    foreignKeys: [
      {
        name: "eyh1c8",
        columns: ["ypbngyo0b"],
        references: { table: "spro", columns: ["ypbngyo0b"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
      {
        name: "wpd2o4bk1g",
        columns: ["ypbngyo0b"],
        references: { table: "spro", columns: ["ypbngyo0b"] },
        onDelete: "restrict",
        onUpdate: "set null",
      },
    ],
  });

  manager.dropTable({
    name: "f",
    className: "zxtq53bvm",
    primaryKey: ["wybt"],
    columns: [
      { name: "sdr09ubav", type: "boolean", default: { kind: "value", value: true } },
      { name: "wybt", type: "doublePrecision", default: { kind: "value", value: -2.5e-323 } },
    ],
    uniques: [
      { name: "ipbr", columns: ["sdr09ubav", "wybt"] },
      { name: "q6", columns: ["wybt"] },
      { name: "vil5py", columns: ["sdr09ubav", "wybt"] },
    ],
  });

  manager.addTable({
    name: "o_by4xnxwd",
    className: "😀",
    primaryKey: ["v"],
    columns: [
      { name: "a\nb", type: "real", nullable: true, default: { kind: "sql", sql: "Cmq'#28{" } },
      { name: "ad6yv", type: "bigint", nullable: true },
      { name: "🌮ϸ", type: "text", nullable: true, default: { kind: "sql", sql: "rI{7Z;yIlNi" } },
      {
        name: "lex",
        type: "json",
        default: {
          kind: "value",
          value: {
            "": "D",
            "!hz<A?3<~": null,
            "1C;{": "=l:z'K|G{",
            "7L?z": "|&",
            "[ixh0": null,
            "c&U@M!faZ": 7.289938819257992e+61,
            "eNB6(}b": null,
            "qH]x;mrH": "r",
            "{m": null,
            "~sh": 2.577328376419839e+102,
          },
        },
      },
      {
        name: "v",
        type: "doublePrecision",
        default: { kind: "value", value: 3.8692025705534963e-10 },
      },
      { name: "${x}", type: "date", nullable: true },
    ],
    indexes: [{ name: "☡", columns: ["🌮ϸ", "v"], method: "hash" }],
    uniques: [
      { name: "ü", columns: ["lex"] },
      { name: "😀", columns: ["🌮ϸ"] },
    ],
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["🌮ϸ", "v"],
        references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
        onDelete: "cascade",
        onUpdate: "restrict",
      },
      {
        name: "ü",
        columns: ["a\nb", "🌮ϸ"],
        references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
        onDelete: "set default",
        onUpdate: "set null",
      },
      {
        name: "ﵚ⪅Ἓ𖹖⾛Ԭꄞ🌡𘫍𝤚ピ",
        columns: ["a\nb", "${x}"],
        references: { table: "o_by4xnxwd", columns: ["ad6yv", "a\nb"] },
        onDelete: "no action",
        onUpdate: "set null",
      },
    ],
  });

  return manager;
}
