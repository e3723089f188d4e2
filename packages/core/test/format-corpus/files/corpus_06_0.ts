import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:06:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 6.0";

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

  manager.renameTable({ from: "uqjdnixay", to: "uqjdnixay_renamed" });
  manager.addColumn({ table: "uqjdnixay", name: "ü", type: "json" });
  manager.dropColumn({ table: "uqjdnixay", name: "ü", type: "json" });
  manager.renameColumn({ table: "uqjdnixay", from: "ü", to: "ü2" });

  manager.alterColumn({
    table: "uqjdnixay",
    name: "ü",
    from: { type: "json" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
  });

  manager.addColumn({
    table: "uqjdnixay",
    name: "a\nb",
    type: "timestamptz",
    default: { kind: "sql", sql: "mG" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "uqjdnixay",
    name: "a\nb",
    type: "timestamptz",
    default: { kind: "sql", sql: "mG" },
  });

  manager.renameColumn({ table: "uqjdnixay", from: "a\nb", to: "a\nb2" });

  manager.alterColumn({
    table: "uqjdnixay",
    name: "a\nb",
    from: { type: "timestamptz", default: { kind: "sql", sql: "mG" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({ table: "uqjdnixay", name: "n4a7nsyn", type: "doublePrecision" });
  manager.dropColumn({ table: "uqjdnixay", name: "n4a7nsyn", type: "doublePrecision" });
  manager.renameColumn({ table: "uqjdnixay", from: "n4a7nsyn", to: "n4a7nsyn2" });

  manager.alterColumn({
    table: "uqjdnixay",
    name: "n4a7nsyn",
    from: { type: "doublePrecision" },
    to: { type: "text", nullable: true },
  });

  manager.addColumn({
    table: "uqjdnixay",
    name: "${x}",
    type: "bytea",
    nullable: true,
    default: { kind: "value", value: "" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "uqjdnixay",
    name: "${x}",
    type: "bytea",
    nullable: true,
    default: { kind: "value", value: "" },
  });

  manager.renameColumn({ table: "uqjdnixay", from: "${x}", to: "${x}2" });

  manager.alterColumn({
    table: "uqjdnixay",
    name: "${x}",
    from: { type: "bytea", nullable: true, default: { kind: "value", value: "" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
    lossy: true,
  });

  manager.addColumn({
    table: "uqjdnixay",
    name: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥",
    type: "boolean",
    nullable: true,
  });

  manager.dropColumn({
    table: "uqjdnixay",
    name: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥",
    type: "boolean",
    nullable: true,
  });

  manager.renameColumn({ table: "uqjdnixay", from: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥", to: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥2" });

  manager.alterColumn({
    table: "uqjdnixay",
    name: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥",
    from: { type: "boolean", nullable: true },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "uqjdnixay",
    name: "pi15",
    type: "timestamp",
    default: { kind: "sql", sql: "VXvM" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "uqjdnixay",
    name: "pi15",
    type: "timestamp",
    default: { kind: "sql", sql: "VXvM" },
  });

  manager.renameColumn({ table: "uqjdnixay", from: "pi15", to: "pi152" });

  manager.alterColumn({
    table: "uqjdnixay",
    name: "pi15",
    from: { type: "timestamp", default: { kind: "sql", sql: "VXvM" } },
    to: { type: "text", nullable: true },
  });

  manager.addIndex({ table: "uqjdnixay", name: "gm7c", columns: ["${x}"], method: "gin" });
  manager.dropIndex({ table: "uqjdnixay", name: "gm7c", columns: ["${x}"], method: "gin" });

  manager.addConstraint({
    kind: "unique",
    table: "uqjdnixay",
    name: "l3nh",
    columns: ["n4a7nsyn", "ü", "pi15"],
  });

  manager.dropConstraint({
    kind: "unique",
    table: "uqjdnixay",
    name: "l3nh",
    columns: ["n4a7nsyn", "ü", "pi15"],
    allowRebuild: true,
  });

  manager.rebuildTable({
    from: {
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
    },
    to: {
      name: "uqjdnixay",
      className: "𛊐𝘧ᚿ𘧧𛰗𝚩",
      primaryKey: ["ü"],
      columns: [
        { name: "ü", type: "json" },
        { name: "a\nb", type: "timestamptz", default: { kind: "sql", sql: "mG" } },
        { name: "n4a7nsyn", type: "doublePrecision" },
        { name: "${x}", type: "bytea", nullable: true, default: { kind: "value", value: "" } },
        { name: "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥", type: "boolean", nullable: true },
      ],
      indexes: [{ name: "gm7c", columns: ["${x}"], method: "gin" }],
    },
    columnMap: {
      "ü": "ü",
      "a\nb": "a\nb",
      n4a7nsyn: "n4a7nsyn",
      "${x}": "${x}",
      "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥": "𘧡𒾬𔐪Ꜳ𐢑∘ﱫᑧ🄥",
    },
  });

  manager.dropTable({
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

  manager.renameTable({ from: "Ⅱ𒑐𓍟", to: "Ⅱ𒑐𓍟_renamed" });

  manager.addColumn({
    table: "Ⅱ𒑐𓍟",
    name: "ü",
    type: "doublePrecision",
    default: { kind: "value", value: -1.7976931348623127e+308 },
  });

  manager.dropColumn({
    table: "Ⅱ𒑐𓍟",
    name: "ü",
    type: "doublePrecision",
    default: { kind: "value", value: -1.7976931348623127e+308 },
  });

  manager.renameColumn({ table: "Ⅱ𒑐𓍟", from: "ü", to: "ü2" });

  manager.alterColumn({
    table: "Ⅱ𒑐𓍟",
    name: "ü",
    from: { type: "doublePrecision", default: { kind: "value", value: -1.7976931348623127e+308 } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addIndex({ table: "Ⅱ𒑐𓍟", name: "zzd59bu4w", columns: ["ü"], method: "brin" });
  manager.dropIndex({ table: "Ⅱ𒑐𓍟", name: "zzd59bu4w", columns: ["ü"], method: "brin" });

  manager.addIndex({
    table: "Ⅱ𒑐𓍟",
    name: "ü",
    columns: ["ü"],
    method: "gin",
    allowRebuild: true,
  });

  manager.dropIndex({ table: "Ⅱ𒑐𓍟", name: "ü", columns: ["ü"], method: "gin" });
  manager.addIndex({ table: "Ⅱ𒑐𓍟", name: "﹩𐜥᠕𘰡𑤓", columns: ["ü"], method: "gist" });
  manager.dropIndex({ table: "Ⅱ𒑐𓍟", name: "﹩𐜥᠕𘰡𑤓", columns: ["ü"], method: "gist" });
  manager.addConstraint({ kind: "unique", table: "Ⅱ𒑐𓍟", name: "${x}", columns: ["ü"] });
  manager.dropConstraint({ kind: "unique", table: "Ⅱ𒑐𓍟", name: "${x}", columns: ["ü"] });

  manager.addConstraint({
    kind: "unique",
    table: "Ⅱ𒑐𓍟",
    name: "squk",
    columns: ["ü"],
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "unique", table: "Ⅱ𒑐𓍟", name: "squk", columns: ["ü"] });

  manager.dropTable({
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

  manager.renameTable({ from: "𘲽⣫", to: "𘲽⣫_renamed" });

  manager.addColumn({
    table: "𘲽⣫",
    name: "${x}",
    type: "bigint",
    default: { kind: "value", value: 921087451 },
  });

  manager.dropColumn({
    table: "𘲽⣫",
    name: "${x}",
    type: "bigint",
    default: { kind: "value", value: 921087451 },
  });

  manager.renameColumn({ table: "𘲽⣫", from: "${x}", to: "${x}2" });

  manager.alterColumn({
    table: "𘲽⣫",
    name: "${x}",
    from: { type: "bigint", default: { kind: "value", value: 921087451 } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "𘲽⣫",
    name: "a\"b",
    type: "text",
    nullable: true,
    default: { kind: "value", value: "🖏kupGette" },
    backfill: null,
  });

  manager.dropColumn({
    table: "𘲽⣫",
    name: "a\"b",
    type: "text",
    nullable: true,
    default: { kind: "value", value: "🖏kupGette" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "𘲽⣫", from: "a\"b", to: "a\"b2" });

  manager.alterColumn({
    table: "𘲽⣫",
    name: "a\"b",
    from: { type: "text", nullable: true, default: { kind: "value", value: "🖏kupGette" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "𘲽⣫",
    name: "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲",
    type: "integer",
    default: { kind: "value", value: 1140120747 },
  });

  manager.dropColumn({
    table: "𘲽⣫",
    name: "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲",
    type: "integer",
    default: { kind: "value", value: 1140120747 },
  });

  manager.renameColumn({ table: "𘲽⣫", from: "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲", to: "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲2" });

  manager.alterColumn({
    table: "𘲽⣫",
    name: "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲",
    from: { type: "integer", default: { kind: "value", value: 1140120747 } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addColumn({
    table: "𘲽⣫",
    name: "a\nb",
    type: "boolean",
    default: { kind: "value", value: false },
  });

  manager.dropColumn({
    table: "𘲽⣫",
    name: "a\nb",
    type: "boolean",
    default: { kind: "value", value: false },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "𘲽⣫", from: "a\nb", to: "a\nb2" });

  manager.alterColumn({
    table: "𘲽⣫",
    name: "a\nb",
    from: { type: "boolean", default: { kind: "value", value: false } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({ table: "𘲽⣫", name: "bze", type: "bigint", backfill: 0 });
  manager.dropColumn({ table: "𘲽⣫", name: "bze", type: "bigint" });
  manager.renameColumn({ table: "𘲽⣫", from: "bze", to: "bze2" });

  manager.alterColumn({
    table: "𘲽⣫",
    name: "bze",
    from: { type: "bigint" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "𘲽⣫",
    name: "a\\b",
    type: "uuid",
    nullable: true,
    default: { kind: "sql", sql: "E1w\\Z<[{W\\" },
  });

  manager.dropColumn({
    table: "𘲽⣫",
    name: "a\\b",
    type: "uuid",
    nullable: true,
    default: { kind: "sql", sql: "E1w\\Z<[{W\\" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "𘲽⣫", from: "a\\b", to: "a\\b2" });

  manager.alterColumn({
    table: "𘲽⣫",
    name: "a\\b",
    from: { type: "uuid", nullable: true, default: { kind: "sql", sql: "E1w\\Z<[{W\\" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addIndex({
    table: "𘲽⣫",
    name: "וֹ",
    columns: ["bze", "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲", "a\\b"],
    method: "gin",
  });

  manager.dropIndex({
    table: "𘲽⣫",
    name: "וֹ",
    columns: ["bze", "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲", "a\\b"],
    method: "gin",
  });

  manager.addConstraint({ kind: "unique", table: "𘲽⣫", name: "iver4y", columns: ["a\nb"] });
  manager.dropConstraint({ kind: "unique", table: "𘲽⣫", name: "iver4y", columns: ["a\nb"] });

  manager.rebuildTable({
    from: {
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
        {
          name: "a\\b",
          type: "uuid",
          nullable: true,
          default: { kind: "sql", sql: "E1w\\Z<[{W\\" },
        },
      ],
      indexes: [{ name: "וֹ", columns: ["bze", "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲", "a\\b"], method: "gin" }],
      uniques: [{ name: "iver4y", columns: ["a\nb"] }],
    },
    to: {
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
      ],
      uniques: [{ name: "iver4y", columns: ["a\nb"] }],
    },
    columnMap: {
      "${x}": "${x}",
      "a\"b": "a\"b",
      "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲": "⇝𝜒𑣭❑ḝⅢ跋Ꭓ🮲",
      "a\nb": "a\nb",
      bze: "bze",
    },
  });

  manager.dropTable({
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
