import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:09:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 9.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

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
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
        references: { table: "uyd314s6d0d", columns: ["ia3hrb0"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
      {
        name: "mb",
        columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
        references: { table: "uyd314s6d0d", columns: ["ܖ"] },
        onDelete: "restrict",
        onUpdate: "restrict",
      },
    ],
  });

  manager.renameTable({ from: "jilki", to: "jilki_renamed" });

  manager.addColumn({
    table: "jilki",
    name: "ᗨ▸ⶍㅤϣ𑱔𐅾•",
    type: "bigint",
    default: { kind: "value", value: "-4652910351375944922" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "jilki",
    name: "ᗨ▸ⶍㅤϣ𑱔𐅾•",
    type: "bigint",
    default: { kind: "value", value: "-4652910351375944922" },
  });

  manager.renameColumn({ table: "jilki", from: "ᗨ▸ⶍㅤϣ𑱔𐅾•", to: "ᗨ▸ⶍㅤϣ𑱔𐅾•2" });

  manager.alterColumn({
    table: "jilki",
    name: "ᗨ▸ⶍㅤϣ𑱔𐅾•",
    from: { type: "bigint", default: { kind: "value", value: "-4652910351375944922" } },
    to: { type: "text", nullable: true },
    backfill: "b",
    allowRebuild: true,
  });

  manager.addIndex({
    table: "jilki",
    name: "${x}",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    method: "brin",
    allowRebuild: true,
  });

  manager.dropIndex({ table: "jilki", name: "${x}", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"], method: "brin" });

  manager.addIndex({
    table: "jilki",
    name: "a\"b",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    method: "gin",
    allowRebuild: true,
  });

  manager.dropIndex({
    table: "jilki",
    name: "a\"b",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    method: "gin",
    allowRebuild: true,
  });

  manager.addIndex({ table: "jilki", name: "㈫➃)", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"], method: "gin" });

  manager.dropIndex({
    table: "jilki",
    name: "㈫➃)",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    method: "gin",
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "check", table: "jilki", name: "k", sql: "$", allowRebuild: true });
  manager.dropConstraint({ kind: "check", table: "jilki", name: "k", sql: "$" });

  manager.addConstraint({
    kind: "foreign_key",
    table: "jilki",
    name: "a\nb",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    references: { table: "uyd314s6d0d", columns: ["ia3hrb0"] },
    onDelete: "set null",
    onUpdate: "no action",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "jilki",
    name: "a\nb",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    references: { table: "uyd314s6d0d", columns: ["ia3hrb0"] },
    onDelete: "set null",
    onUpdate: "no action",
    allowRebuild: true,
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

  manager.dropConstraint({
    kind: "foreign_key",
    table: "jilki",
    name: "mb",
    columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
    references: { table: "uyd314s6d0d", columns: ["ܖ"] },
    onDelete: "restrict",
    onUpdate: "restrict",
    allowRebuild: true,
  });

  manager.dropTable({
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
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
        references: { table: "uyd314s6d0d", columns: ["ia3hrb0"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
      {
        name: "mb",
        columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"],
        references: { table: "uyd314s6d0d", columns: ["ܖ"] },
        onDelete: "restrict",
        onUpdate: "restrict",
      },
    ],
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
        name: "a\"b",
        columns: ["ܖ"],
        references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
      {
        name: "日本",
        columns: ["ܖ", "„"],
        references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
      {
        name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
        columns: ["ܖ"],
        references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
    ],
  });

  manager.renameTable({ from: "uyd314s6d0d", to: "uyd314s6d0d_renamed" });

  manager.addColumn({
    table: "uyd314s6d0d",
    name: "ܖ",
    type: "uuid",
    nullable: true,
    default: { kind: "sql", sql: "$~&x" },
    backfill: null,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "uyd314s6d0d",
    name: "ܖ",
    type: "uuid",
    nullable: true,
    default: { kind: "sql", sql: "$~&x" },
  });

  manager.renameColumn({ table: "uyd314s6d0d", from: "ܖ", to: "ܖ2" });

  manager.alterColumn({
    table: "uyd314s6d0d",
    name: "ܖ",
    from: { type: "uuid", nullable: true, default: { kind: "sql", sql: "$~&x" } },
    to: { type: "text" },
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "uyd314s6d0d",
    name: "„",
    type: "boolean",
    nullable: true,
    default: { kind: "value", value: false },
    backfill: null,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "uyd314s6d0d",
    name: "„",
    type: "boolean",
    nullable: true,
    default: { kind: "value", value: false },
  });

  manager.renameColumn({ table: "uyd314s6d0d", from: "„", to: "„2" });

  manager.alterColumn({
    table: "uyd314s6d0d",
    name: "„",
    from: { type: "boolean", nullable: true, default: { kind: "value", value: false } },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "uyd314s6d0d",
    name: "ia3hrb0",
    type: "smallint",
    default: { kind: "sql", sql: "P^.wbz|Dtk5" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "uyd314s6d0d",
    name: "ia3hrb0",
    type: "smallint",
    default: { kind: "sql", sql: "P^.wbz|Dtk5" },
  });

  manager.renameColumn({ table: "uyd314s6d0d", from: "ia3hrb0", to: "ia3hrb02" });

  manager.alterColumn({
    table: "uyd314s6d0d",
    name: "ia3hrb0",
    from: { type: "smallint", default: { kind: "sql", sql: "P^.wbz|Dtk5" } },
    to: { type: "text", nullable: true },
    backfill: "b",
    allowRebuild: true,
  });

  manager.addIndex({ table: "uyd314s6d0d", name: "${x}", columns: ["„"], allowRebuild: true });
  manager.dropIndex({ table: "uyd314s6d0d", name: "${x}", columns: ["„"] });

  manager.addConstraint({
    kind: "unique",
    table: "uyd314s6d0d",
    name: "𑗆ᵬ𓁃🠽𐀹ꒁ𓌗𛃢",
    columns: ["„", "ܖ", "ia3hrb0"],
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "unique",
    table: "uyd314s6d0d",
    name: "𑗆ᵬ𓁃🠽𐀹ꒁ𓌗𛃢",
    columns: ["„", "ܖ", "ia3hrb0"],
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "check", table: "uyd314s6d0d", name: "r5", sql: "Ahi1bqw" });

  manager.dropConstraint({
    kind: "check",
    table: "uyd314s6d0d",
    name: "r5",
    sql: "Ahi1bqw",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "check",
    table: "uyd314s6d0d",
    name: "ꢳ",
    sql: "OO0o,n\"XaU",
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "check", table: "uyd314s6d0d", name: "ꢳ", sql: "OO0o,n\"XaU" });

  manager.addConstraint({
    kind: "check",
    table: "uyd314s6d0d",
    name: "𘮹𐭕⺍☔ᰎ𒓠𖣓ᰆ△ㄐ𘲁",
    sql: "9:~",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "check",
    table: "uyd314s6d0d",
    name: "𘮹𐭕⺍☔ᰎ𒓠𖣓ᰆ△ㄐ𘲁",
    sql: "9:~",
    allowRebuild: true,
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

  manager.dropConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "a\"b",
    columns: ["ܖ"],
    references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
    onDelete: "no action",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "日本",
    columns: ["ܖ", "„"],
    references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
    onDelete: "set default",
    onUpdate: "no action",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "日本",
    columns: ["ܖ", "„"],
    references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
    onDelete: "set default",
    onUpdate: "no action",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
    columns: ["ܖ"],
    references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
    onDelete: "set default",
    onUpdate: "restrict",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "uyd314s6d0d",
    name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
    columns: ["ܖ"],
    references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
    onDelete: "set default",
    onUpdate: "restrict",
    allowRebuild: true,
  });

  manager.rebuildTable({
    from: {
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
          name: "a\"b",
          columns: ["ܖ"],
          references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
          onDelete: "no action",
          onUpdate: "cascade",
        },
        {
          name: "日本",
          columns: ["ܖ", "„"],
          references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
          onDelete: "set default",
          onUpdate: "no action",
        },
        {
          name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
          columns: ["ܖ"],
          references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
          onDelete: "set default",
          onUpdate: "restrict",
        },
      ],
    },
    to: {
      name: "uyd314s6d0d",
      className: "𑿍𐰏𝅫𒐺卿ਮ𐋁ᚆ🦋ᡨ𛊰ሷ",
      primaryKey: ["ܖ"],
      columns: [
        { name: "ܖ", type: "uuid", nullable: true, default: { kind: "sql", sql: "$~&x" } },
        { name: "„", type: "boolean", nullable: true, default: { kind: "value", value: false } },
      ],
      indexes: [{ name: "${x}", columns: ["„"] }],
      foreignKeys: [
        {
          name: "a\"b",
          columns: ["ܖ"],
          references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
          onDelete: "no action",
          onUpdate: "cascade",
        },
        {
          name: "日本",
          columns: ["ܖ", "„"],
          references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
          onDelete: "set default",
          onUpdate: "no action",
        },
        {
          name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
          columns: ["ܖ"],
          references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
          onDelete: "set default",
          onUpdate: "restrict",
        },
      ],
    },
    columnMap: { "ܖ": "ܖ", "„": "„" },
    backfill: { "ܖ": 1 },
  });

  manager.dropTable({
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
        name: "a\"b",
        columns: ["ܖ"],
        references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
      {
        name: "日本",
        columns: ["ܖ", "„"],
        references: { table: "uyd314s6d0d", columns: ["ia3hrb0", "ܖ"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
      {
        name: "𝍁⼈𖼹Ễ𓋂𞤣༒𒈦ꚛ嵐🄴",
        columns: ["ܖ"],
        references: { table: "jilki", columns: ["ᗨ▸ⶍㅤϣ𑱔𐅾•"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
    ],
  });

  return manager;
}
