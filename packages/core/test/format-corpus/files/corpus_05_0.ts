import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:05:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 5.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "zw84mt4",
    className: "a\nb",
    primaryKey: ["😀"],
    columns: [
      {
        name: "😀",
        type: "jsonb",
        default: {
          kind: "value",
          value: [
            3.149537249378005e+38,
            -4.5915388046750677e-153,
            null,
            null,
            false,
            1.1189822632321866e-26,
            -5.289428919158619e-295,
            null,
            null,
            -3.3822946198024174e+307,
          ],
        },
      },
      { name: "nd", type: "bigserial" },
      { name: "u7", type: "text", nullable: true, default: { kind: "sql", sql: "\\yr&&" } },
    ],
    checks: [{ name: "日本", sql: "B`GWh`=$WX" }],
    foreignKeys: [
      {
        name: "k6ccoj",
        columns: ["u7"],
        references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
        onDelete: "set default",
        onUpdate: "set null",
      },
      {
        name: "日本",
        columns: ["nd"],
        references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
        onDelete: "no action",
        onUpdate: "restrict",
      },
      {
        name: "😀",
        columns: ["u7", "😀"],
        references: { table: "zw84mt4", columns: ["u7", "nd"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.renameTable({ from: "zw84mt4", to: "zw84mt4_renamed" });

  manager.addColumn({
    table: "zw84mt4",
    name: "😀",
    type: "jsonb",
    default: {
      kind: "value",
      value: [
        3.149537249378005e+38,
        -4.5915388046750677e-153,
        null,
        null,
        false,
        1.1189822632321866e-26,
        -5.289428919158619e-295,
        null,
        null,
        -3.3822946198024174e+307,
      ],
    },
  });

  manager.dropColumn({
    table: "zw84mt4",
    name: "😀",
    type: "jsonb",
    default: {
      kind: "value",
      value: [
        3.149537249378005e+38,
        -4.5915388046750677e-153,
        null,
        null,
        false,
        1.1189822632321866e-26,
        -5.289428919158619e-295,
        null,
        null,
        -3.3822946198024174e+307,
      ],
    },
  });

  manager.renameColumn({ table: "zw84mt4", from: "😀", to: "😀2" });

  manager.alterColumn({
    table: "zw84mt4",
    name: "😀",
    from: {
      type: "jsonb",
      default: {
        kind: "value",
        value: [
          3.149537249378005e+38,
          -4.5915388046750677e-153,
          null,
          null,
          false,
          1.1189822632321866e-26,
          -5.289428919158619e-295,
          null,
          null,
          -3.3822946198024174e+307,
        ],
      },
    },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addColumn({
    table: "zw84mt4",
    name: "nd",
    type: "bigserial",
    backfill: 0,
    allowRebuild: true,
  });

  manager.dropColumn({ table: "zw84mt4", name: "nd", type: "bigserial" });
  manager.renameColumn({ table: "zw84mt4", from: "nd", to: "nd2" });

  manager.alterColumn({
    table: "zw84mt4",
    name: "nd",
    from: { type: "bigserial" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    allowRebuild: true,
  });

  manager.addColumn({
    table: "zw84mt4",
    name: "u7",
    type: "text",
    nullable: true,
    default: { kind: "sql", sql: "\\yr&&" },
    backfill: null,
  });

  manager.dropColumn({
    table: "zw84mt4",
    name: "u7",
    type: "text",
    nullable: true,
    default: { kind: "sql", sql: "\\yr&&" },
  });

  manager.renameColumn({ table: "zw84mt4", from: "u7", to: "u72" });

  manager.alterColumn({
    table: "zw84mt4",
    name: "u7",
    from: { type: "text", nullable: true, default: { kind: "sql", sql: "\\yr&&" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addConstraint({
    kind: "check",
    table: "zw84mt4",
    name: "日本",
    sql: "B`GWh`=$WX",
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "check", table: "zw84mt4", name: "日本", sql: "B`GWh`=$WX" });

  manager.addConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "k6ccoj",
    columns: ["u7"],
    references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
    onDelete: "set default",
    onUpdate: "set null",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "k6ccoj",
    columns: ["u7"],
    references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
    onDelete: "set default",
    onUpdate: "set null",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "日本",
    columns: ["nd"],
    references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
    onDelete: "no action",
    onUpdate: "restrict",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "日本",
    columns: ["nd"],
    references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
    onDelete: "no action",
    onUpdate: "restrict",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "😀",
    columns: ["u7", "😀"],
    references: { table: "zw84mt4", columns: ["u7", "nd"] },
    onDelete: "no action",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "😀",
    columns: ["u7", "😀"],
    references: { table: "zw84mt4", columns: ["u7", "nd"] },
    onDelete: "no action",
    onUpdate: "set default",
  });

  manager.rebuildTable({
    from: {
      name: "zw84mt4",
      className: "a\nb",
      primaryKey: ["😀"],
      columns: [
        {
          name: "😀",
          type: "jsonb",
          default: {
            kind: "value",
            value: [
              3.149537249378005e+38,
              -4.5915388046750677e-153,
              null,
              null,
              false,
              1.1189822632321866e-26,
              -5.289428919158619e-295,
              null,
              null,
              -3.3822946198024174e+307,
            ],
          },
        },
        { name: "nd", type: "bigserial" },
        { name: "u7", type: "text", nullable: true, default: { kind: "sql", sql: "\\yr&&" } },
      ],
      checks: [{ name: "日本", sql: "B`GWh`=$WX" }],
      foreignKeys: [
        {
          name: "k6ccoj",
          columns: ["u7"],
          references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
          onDelete: "set default",
          onUpdate: "set null",
        },
        {
          name: "日本",
          columns: ["nd"],
          references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
          onDelete: "no action",
          onUpdate: "restrict",
        },
        {
          name: "😀",
          columns: ["u7", "😀"],
          references: { table: "zw84mt4", columns: ["u7", "nd"] },
          onDelete: "no action",
          onUpdate: "set default",
        },
      ],
    },
    to: {
      name: "zw84mt4",
      className: "a\nb",
      primaryKey: ["😀"],
      columns: [
        {
          name: "😀",
          type: "jsonb",
          default: {
            kind: "value",
            value: [
              3.149537249378005e+38,
              -4.5915388046750677e-153,
              null,
              null,
              false,
              1.1189822632321866e-26,
              -5.289428919158619e-295,
              null,
              null,
              -3.3822946198024174e+307,
            ],
          },
        },
        { name: "nd", type: "bigserial" },
      ],
      foreignKeys: [
        {
          name: "日本",
          columns: ["nd"],
          references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
          onDelete: "no action",
          onUpdate: "restrict",
        },
      ],
    },
    columnMap: { "😀": "😀", nd: "nd" },
  });

  manager.dropTable({
    name: "zw84mt4",
    className: "a\nb",
    primaryKey: ["😀"],
    columns: [
      {
        name: "😀",
        type: "jsonb",
        default: {
          kind: "value",
          value: [
            3.149537249378005e+38,
            -4.5915388046750677e-153,
            null,
            null,
            false,
            1.1189822632321866e-26,
            -5.289428919158619e-295,
            null,
            null,
            -3.3822946198024174e+307,
          ],
        },
      },
      { name: "nd", type: "bigserial" },
      { name: "u7", type: "text", nullable: true, default: { kind: "sql", sql: "\\yr&&" } },
    ],
    checks: [{ name: "日本", sql: "B`GWh`=$WX" }],
    foreignKeys: [
      {
        name: "k6ccoj",
        columns: ["u7"],
        references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
        onDelete: "set default",
        onUpdate: "set null",
      },
      {
        name: "日本",
        columns: ["nd"],
        references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
        onDelete: "no action",
        onUpdate: "restrict",
      },
      {
        name: "😀",
        columns: ["u7", "😀"],
        references: { table: "zw84mt4", columns: ["u7", "nd"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.addTable({
    name: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    className: "c0b_xh",
    primaryKey: ["𘧲⽱"],
    columns: [{ name: "𘧲⽱", type: "doublePrecision", default: { kind: "sql", sql: "|$@G" } }],
    uniques: [
      { name: "e5tl", columns: ["𘧲⽱"] },
      { name: "日本", columns: ["𘧲⽱"] },
      { name: "ꋬ𑂝", columns: ["𘧲⽱"] },
    ],
    checks: [
      { name: "jpluty", sql: "y&/" },
      { name: "qibqtpsi5td", sql: "GahLk" },
      { name: "tfywy8dpf", sql: "O\\*|qo'u((X|" },
    ],
    foreignKeys: [
      {
        name: "⦡ℨᎊ𘠏",
        columns: ["𘧲⽱"],
        references: { table: "zw84mt4", columns: ["u7"] },
        onDelete: "set null",
        onUpdate: "set default",
      },
      {
        name: "日本",
        columns: ["𘧲⽱"],
        references: { table: "zw84mt4", columns: ["u7"] },
        onDelete: "cascade",
        onUpdate: "set null",
      },
      {
        name: "𓃮ꀐ𝤥Ḫ𖥲𝠰⺎瘐",
        columns: ["𘧲⽱"],
        references: { table: "zw84mt4", columns: ["u7"] },
        onDelete: "set null",
        onUpdate: "set null",
      },
    ],
  });

  manager.renameTable({ from: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", to: "🔙ᱮ🢑╨ᵐ༴𝖌🞗_renamed" });

  manager.addColumn({
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "𘧲⽱",
    type: "doublePrecision",
    default: { kind: "sql", sql: "|$@G" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "𘧲⽱",
    type: "doublePrecision",
    default: { kind: "sql", sql: "|$@G" },
  });

  manager.renameColumn({ table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", from: "𘧲⽱", to: "𘧲⽱2" });

  manager.alterColumn({
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "𘧲⽱",
    from: { type: "doublePrecision", default: { kind: "sql", sql: "|$@G" } },
    to: { type: "text", nullable: true },
    lossy: true,
  });

  manager.addConstraint({
    kind: "unique",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "e5tl",
    columns: ["𘧲⽱"],
  });

  manager.dropConstraint({
    kind: "unique",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "e5tl",
    columns: ["𘧲⽱"],
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "unique", table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", name: "日本", columns: ["𘧲⽱"] });

  manager.dropConstraint({
    kind: "unique",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "日本",
    columns: ["𘧲⽱"],
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "unique", table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", name: "ꋬ𑂝", columns: ["𘧲⽱"] });

  manager.dropConstraint({
    kind: "unique",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "ꋬ𑂝",
    columns: ["𘧲⽱"],
  });

  manager.addConstraint({ kind: "check", table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", name: "jpluty", sql: "y&/" });

  manager.dropConstraint({
    kind: "check",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "jpluty",
    sql: "y&/",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "check",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "qibqtpsi5td",
    sql: "GahLk",
  });

  manager.dropConstraint({
    kind: "check",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "qibqtpsi5td",
    sql: "GahLk",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "check",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "tfywy8dpf",
    sql: "O\\*|qo'u((X|",
  });

  manager.dropConstraint({
    kind: "check",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "tfywy8dpf",
    sql: "O\\*|qo'u((X|",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "⦡ℨᎊ𘠏",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "set null",
    onUpdate: "set default",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "⦡ℨᎊ𘠏",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "set null",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "日本",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "cascade",
    onUpdate: "set null",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "日本",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "cascade",
    onUpdate: "set null",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "𓃮ꀐ𝤥Ḫ𖥲𝠰⺎瘐",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "set null",
    onUpdate: "set null",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "𓃮ꀐ𝤥Ḫ𖥲𝠰⺎瘐",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "set null",
    onUpdate: "set null",
  });

  manager.dropTable({
    name: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    className: "c0b_xh",
    primaryKey: ["𘧲⽱"],
    columns: [{ name: "𘧲⽱", type: "doublePrecision", default: { kind: "sql", sql: "|$@G" } }],
    uniques: [
      { name: "e5tl", columns: ["𘧲⽱"] },
      { name: "日本", columns: ["𘧲⽱"] },
      { name: "ꋬ𑂝", columns: ["𘧲⽱"] },
    ],
    checks: [
      { name: "jpluty", sql: "y&/" },
      { name: "qibqtpsi5td", sql: "GahLk" },
      { name: "tfywy8dpf", sql: "O\\*|qo'u((X|" },
    ],
    foreignKeys: [
      {
        name: "⦡ℨᎊ𘠏",
        columns: ["𘧲⽱"],
        references: { table: "zw84mt4", columns: ["u7"] },
        onDelete: "set null",
        onUpdate: "set default",
      },
      {
        name: "日本",
        columns: ["𘧲⽱"],
        references: { table: "zw84mt4", columns: ["u7"] },
        onDelete: "cascade",
        onUpdate: "set null",
      },
      {
        name: "𓃮ꀐ𝤥Ḫ𖥲𝠰⺎瘐",
        columns: ["𘧲⽱"],
        references: { table: "zw84mt4", columns: ["u7"] },
        onDelete: "set null",
        onUpdate: "set null",
      },
    ],
  });

  return manager;
}
