import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:10:000003";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 10.3";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "bsk",
    className: "༅ꉛ\"",
    primaryKey: ["a\"b", "callervalue"],
    columns: [
      { name: "callervalue", type: "json" },
      { name: "akyuo9jb1zg", type: "numeric", precision: 20, scale: 20 },
      { name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true },
      { name: "a\"b", type: "jsonb", default: { kind: "sql", sql: "ap-_?YY[!^\"L" } },
      { name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮", type: "json", default: { kind: "sql", sql: "+uTTS{.%E" } },
    ],
    indexes: [
      { name: "a\nb", columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"], method: "brin" },
      { name: "ᙖ𐚳🤙🨫𝗧րᐆ𐀽", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"], method: "gist" },
      { name: "ᲇ", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b", "callervalue"], method: "brin" },
    ],
    checks: [
      { name: "m1ju5", sql: "7hxo]#" },
      { name: "ü", sql: "AoanIyjMq" },
      { name: "𝌭ⷌ᭥⼬", sql: "XGF" },
    ],
    foreignKeys: [
      {
        name: "bjasrs5",
        columns: ["callervalue", "a\"b"],
        references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
        onDelete: "set default",
        onUpdate: "set default",
      },
      {
        name: "qvf3jt7qtle",
        columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
        references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.dropTable({
    name: "jfplt6",
    primaryKey: ["spt9x7wz", "m769edv"],
    columns: [
      {
        name: "spt9x7wz",
        type: "varchar",
        length: 155,
        default: { kind: "value", value: "Qmy4\"m0ya{" },
      },
      { name: "m769edv", type: "doublePrecision" },
      { name: "ddpvoz", type: "bigint", nullable: true },
    ],
    indexes: [
      { name: "alz63", columns: ["spt9x7wz", "m769edv"] },
      { name: "u84sxbeu3", columns: ["m769edv", "ddpvoz"], method: "hash" },
    ],
    uniques: [{ name: "hm_cegs07", columns: ["ddpvoz"] }],
    checks: [{ name: "j", sql: "Z1@keY52!" }],
    foreignKeys: [
      {
        name: "c7o0mmcq",
        columns: ["m769edv", "ddpvoz"],
        references: { table: "jfplt6", columns: ["ddpvoz", "spt9x7wz"] },
        onDelete: "restrict",
        onUpdate: "cascade",
      },
      {
        name: "pmc383_n3w3",
        columns: ["m769edv", "spt9x7wz"],
        references: { table: "jfplt6", columns: ["ddpvoz", "m769edv"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
    ],
  });

  manager.dropTable({
    name: "zcrlncayq",
    className: "amhy",
    primaryKey: ["hnz__60w"],
    columns: [
      { name: "dw", type: "timestamptz", nullable: true, default: { kind: "now" } },
      { name: "llpmvbr8r1", type: "uuid", nullable: true },
      { name: "hnz__60w", type: "serial" },
    ],
    indexes: [
      { name: "bzt0xmle0", columns: ["dw", "llpmvbr8r1", "hnz__60w"], method: "gist" },
      { name: "m3pl_ui", columns: ["hnz__60w", "llpmvbr8r1"], method: "gist" },
      { name: "u4", columns: ["llpmvbr8r1"], method: "gin" },
    ],
    uniques: [
      { name: "g", columns: ["dw"] },
      { name: "k3", columns: ["llpmvbr8r1", "hnz__60w"] },
      { name: "nnlme7sg_d", columns: ["llpmvbr8r1", "hnz__60w"] },
    ],
    checks: [{ name: "f", sql: "G&*" }],
    foreignKeys: [
      {
        name: "uo",
        columns: ["hnz__60w", "dw"],
        references: { table: "zcrlncayq", columns: ["llpmvbr8r1", "dw"] },
        onDelete: "set null",
        onUpdate: "restrict",
      },
    ],
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "jfplt6",
    name: "bd",
    columns: ["spt9x7wz", "m769edv"],
    references: { table: "zcrlncayq", columns: ["llpmvbr8r1", "dw"] },
    onDelete: "set null",
    onUpdate: "no action",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "zcrlncayq",
    name: "d39",
    columns: ["llpmvbr8r1", "hnz__60w"],
    references: { table: "jfplt6", columns: ["spt9x7wz", "m769edv"] },
    onDelete: "set null",
    onUpdate: "set default",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "zcrlncayq",
    name: "juy6k",
    columns: ["llpmvbr8r1", "hnz__60w"],
    references: { table: "jfplt6", columns: ["ddpvoz", "spt9x7wz"] },
    onDelete: "set default",
    onUpdate: "no action",
  });

  return manager;
}
