import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:06:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 6.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "uqjdnixay",
    className: "𛊐𝘧ᚿ𘧧𛰗𝚩",
    primaryKey: ["pi15"],
    columns: [
      { name: "ü", type: "json" },
      { name: "a\nb", type: "timestamptz", default: { kind: "sql", sql: "mG" } },
      { name: "n4a7nsyn", type: "doublePrecision" },
      { name: "${x}", type: "bytea", nullable: true, default: { kind: "value", value: "" } },
      { name: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥", type: "boolean", nullable: true },
      { name: "pi15", type: "timestamp", default: { kind: "sql", sql: "VXvM" } },
    ],
    indexes: [{ name: "gm7c", columns: ["${x}"], method: "gin" }],
    uniques: [{ name: "l3nh", columns: ["n4a7nsyn", "ü", "pi15"] }],
  });

  manager.addTable({
    name: "Ⅱ𒑐𓍟",
    className: "tq6",
    primaryKey: ["ü"],
    columns: [
      {
        name: "ü",
        type: "doublePrecision",
        default: { kind: "value", value: -1.7976931348623127e+308 },
      },
    ],
    indexes: [
      { name: "zzd59bu4w", columns: ["ü"], method: "brin" },
      { name: "ü", columns: ["ü"], method: "gin" },
      { name: "﹩𐜥᠕𘰡𑤓", columns: ["ü"], method: "gist" },
    ],
    uniques: [
      { name: "${x}", columns: ["ü"] },
      { name: "squk", columns: ["ü"] },
    ],
  });

  manager.addTable({
    name: "𘲽⣫",
    className: "日本",
    primaryKey: ["⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲"],
    columns: [
      { name: "${x}", type: "bigint", default: { kind: "value", value: 921087451 } },
      {
        name: "a\"b",
        type: "text",
        nullable: true,
        default: { kind: "value", value: "🖏kupGette" },
      },
      { name: "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲", type: "integer", default: { kind: "value", value: 1140120747 } },
      { name: "a\nb", type: "boolean", default: { kind: "value", value: false } },
      { name: "bze", type: "bigint" },
      { name: "a\\b", type: "uuid", nullable: true, default: { kind: "sql", sql: "E1w\\Z<[{W\\" } },
    ],
    indexes: [{ name: "וֹ", columns: ["bze", "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲", "a\\b"], method: "gin" }],
    uniques: [{ name: "iver4y", columns: ["a\nb"] }],
  });

  return manager;
}
