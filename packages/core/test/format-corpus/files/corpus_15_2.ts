import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:15:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 15.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "😀",
    className: "🛂𑋃ӜừǛᗅȤ⩊",
    primaryKey: ["p9r__protoo"],
    columns: [
      {
        name: "〠📇𓀳𒈴𒇓┠",
        type: "numeric",
        precision: 5,
        scale: 2,
        nullable: true,
        default: { kind: "value", value: "-812.26" },
      },
      { name: "p9r__protoo", type: "json" },
      {
        name: "l",
        type: "timestamp",
        default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
      },
      { name: "z", type: "text", default: { kind: "sql", sql: "N|ot6" } },
      {
        name: "a\"b",
        type: "uuid",
        nullable: true,
        default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
      },
      {
        name: "✃Ἢꂜ📕В𞠟ꑻ",
        type: "json",
        nullable: true,
        default: {
          kind: "value",
          value: {
            "": -4.4e-323,
            "$.": "}0> [10",
            ".f-W[^lmI": "w",
            "2|yV(": true,
            "4[": null,
            "A+4C+?gS@h": 2.5e-323,
            Evj: true,
            "W$?|Uy|Tq": null,
            d: true,
            "thL{+-": -7.723340861196459e-13,
          },
        },
      },
    ],
    indexes: [{ name: "ktb2l2kt", columns: ["z"], method: "gist" }],
    checks: [
      { name: "a\\b", sql: "/9M" },
      { name: "ü", sql: "?dA$PV1hT'" },
      { name: "𑉀ة", sql: "7::" },
    ],
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["z", "a\"b"],
        references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
      {
        name: "ᾏ𑼇༄ﱜ",
        columns: ["p9r__protoo", "a\"b"],
        references: { table: "😀", columns: ["z", "a\"b"] },
        onDelete: "set null",
        onUpdate: "cascade",
      },
      {
        name: "𒀮🅟𞄜𐁝",
        columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
        references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
    ],
  });

  return manager;
}
