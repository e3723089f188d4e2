import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:13:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 13.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "j",
    className: "v0",
    primaryKey: ["dcwkewydv"],
    columns: [
      { name: "ub", type: "integer", nullable: true, default: { kind: "sql", sql: "1o*kj%lW" } },
      { name: "dcwkewydv", type: "bytea" },
      { name: "yl1z", type: "varchar", length: 290, nullable: true },
      {
        name: "w0dwyv",
        type: "timestamp",
        default: { kind: "value", value: "2124-04-22T19:16:30.205Z" },
      },
    ],
    uniques: [
      { name: "i96", columns: ["ub"] },
      { name: "mzn", columns: ["ub", "w0dwyv"] },
      { name: "p86kng", columns: ["ub"] },
    ],
    checks: [{ name: "o43bhj4kb8", sql: "jp0tKp@" }],
    foreignKeys: [
      {
        name: "roj_y3jo8w",
        columns: ["yl1z", "w0dwyv"],
        references: { table: "dng", columns: ["lyldvw", "l"] },
        onDelete: "set default",
        onUpdate: "set null",
      },
    ],
  });

  manager.dropTable({
    name: "dng",
    className: "lref",
    primaryKey: ["gweo96ran"],
    columns: [
      { name: "l5c77ev2v", type: "time", default: { kind: "now" } },
      {
        name: "gweo96ran",
        type: "varchar",
        length: 493,
        default: { kind: "value", value: "z='pj^" },
      },
      { name: "l", type: "numeric", default: { kind: "value", value: "-41375244461.0002" } },
      { name: "lyldvw", type: "varchar", length: 5, default: { kind: "sql", sql: "l7 @Z#!<z" } },
    ],
    indexes: [{ name: "u", columns: ["l"], method: "gist" }],
    uniques: [{ name: "xr9tcidcm7u", columns: ["l5c77ev2v"] }],
    checks: [{ name: "miul", sql: "rK{Py>D]E" }],
    foreignKeys: [
      {
        name: "sr_p",
        columns: ["gweo96ran", "l"],
        references: { table: "dng", columns: ["l", "gweo96ran"] },
        onDelete: "cascade",
        onUpdate: "restrict",
      },
      {
        name: "tg1gee",
        columns: ["lyldvw", "gweo96ran"],
        references: { table: "dng", columns: ["l5c77ev2v", "gweo96ran"] },
        onDelete: "restrict",
        onUpdate: "cascade",
      },
      {
        name: "v",
        columns: ["lyldvw", "l5c77ev2v"],
        references: { table: "dng", columns: ["l5c77ev2v", "gweo96ran"] },
        onDelete: "restrict",
        onUpdate: "set null",
      },
    ],
  });

  manager.addTable({
    name: "⫧ঢ়𞣋𝄫",
    className: "yo_aa022",
    primaryKey: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"],
    columns: [
      { name: "ut6gqpvzq", type: "timestamp", default: { kind: "sql", sql: "j&_#" } },
      { name: "ʊ𒑄列𓇢ሦӷ𘬖", type: "uuid", default: { kind: "random" } },
    ],
    indexes: [{ name: "日本", columns: ["ʊ𒑄列𓇢ሦӷ𘬖"], method: "gin" }],
  });

  manager.addTable({
    name: "日本",
    className: "qzt4om",
    primaryKey: ["𞲴4𐄻⪁ᐧ"],
    columns: [{ name: "𞲴4𐄻⪁ᐧ", type: "bigint", default: { kind: "value", value: -9 } }],
    uniques: [
      { name: "eg", columns: ["𞲴4𐄻⪁ᐧ"] },
      { name: "ü", columns: ["𞲴4𐄻⪁ᐧ"] },
    ],
    foreignKeys: [
      {
        name: "日本",
        columns: ["𞲴4𐄻⪁ᐧ"],
        references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
    ],
  });

  manager.addTable({
    name: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    primaryKey: ["😀"],
    columns: [
      { name: "😀", type: "integer" },
      { name: "j6tjk7d98w", type: "bytea", nullable: true },
    ],
    indexes: [{ name: "😀", columns: ["j6tjk7d98w", "😀"], method: "gist" }],
    checks: [{ name: "a\nb", sql: " {#$" }],
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "⫧ঢ়𞣋𝄫",
    name: "${x}",
    columns: ["ut6gqpvzq"],
    references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
    onDelete: "restrict",
    onUpdate: "set default",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "⫧ঢ়𞣋𝄫",
    name: "𘦃🟦",
    columns: ["ʊ𒑄列𓇢ሦӷ𘬖", "ut6gqpvzq"],
    references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀", "j6tjk7d98w"] },
    onDelete: "restrict",
    onUpdate: "cascade",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "日本",
    name: "${x}",
    columns: ["𞲴4𐄻⪁ᐧ"],
    references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀"] },
    onDelete: "set default",
    onUpdate: "cascade",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    columns: ["😀", "j6tjk7d98w"],
    references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
    onDelete: "set default",
    onUpdate: "no action",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "𠨬𒆵︵˰Ởԁ⸮ถ𝦁𑼏",
    columns: ["j6tjk7d98w", "😀"],
    references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
    onDelete: "no action",
    onUpdate: "cascade",
    online: true,
  });

  return manager;
}
