import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:09:000003";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 9.3";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addConstraint({
    kind: "foreign_key",
    table: "jilki",
    name: "a\nb",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    references: { table: "uyd314s6d0d", columns: ["ia3hrb0"] },
    onDelete: "set null",
    onUpdate: "no action",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "jilki",
    name: "mb",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    references: { table: "uyd314s6d0d", columns: ["ܖ"] },
    onDelete: "restrict",
    onUpdate: "restrict",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "a\"b",
    columns: ["ܖ"],
    references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
    onDelete: "no action",
    onUpdate: "cascade",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
    columns: ["ܖ"],
    references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
    onDelete: "set default",
    onUpdate: "restrict",
  });

  manager.addTable({
    name: "uyd314s6d0d",
    className: "𑿍𐰏𝅫𒐺卿ਮ𐋁ᚆ🦋ᡨ𛊰ሷ",
    primaryKey: ["ia3hrb0"],
    columns: [
      { name: "ܖ", type: "uuid", nullable: true, default: { kind: "sql", sql: "$~&x" } },
      { name: "„", type: "boolean", nullable: true, default: { kind: "value", value: false } },
      { name: "ia3hrb0", type: "smallint", default: { kind: "sql", sql: "P^.wbz|Dtk5" } },
    ],
    indexes: [{ name: "${x}", columns: ["„"] }],
    uniques: [{ name: "𑗆ᵬ𓁃🠽𐀹ꒁ𓌗𛃢", columns: ["„", "ܖ", "ia3hrb0"] }],
    checks: [
      { name: "r5", sql: "Ahi1bqw" },
      { name: "ꢳ", sql: "OO0o,n\"XaU" },
      { name: "𘮹𐭕⺍☔ᰎ𒓠𖣓ᰆ△ㄐ𘲁", sql: "9:~" },
    ],
    foreignKeys: [
      {
        name: "日本",
        columns: ["ܖ", "„"],
        references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
    ],
  });

  manager.addTable({
    name: "jilki",
    className: "sovuzgwcn4",
    primaryKey: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    columns: [
      {
        name: "ᗨ▸ⶍㅤϣ𑱔𐅾•",
        type: "bigint",
        default: { kind: "value", value: "-4652910351375944922" },
      },
    ],
    indexes: [
      { name: "${x}", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"], method: "brin" },
      { name: "a\"b", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"], method: "gin" },
      { name: "㈫➃)", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"], method: "gin" },
    ],
    checks: [{ name: "k", sql: "$" }],
  });

  return manager;
}
