import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:12:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 12.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "fc5ms2",
    className: "rin",
    primaryKey: ["a\nb"],
    columns: [{ name: "a\nb", type: "serial" }],
    indexes: [{ name: "ü", columns: ["a\nb"], method: "brin" }],
    uniques: [
      { name: "epk940a", columns: ["a\nb"] },
      { name: "hhp2q6632q", columns: ["a\nb"] },
      { name: "tkitejq5_a", columns: ["a\nb"] },
    ],
    foreignKeys: [
      {
        name: "me9h9jyvy",
        columns: ["a\nb"],
        references: { table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.renameTable({ from: "fc5ms2", to: "fc5ms2_renamed" });
  manager.addColumn({ table: "fc5ms2", name: "a\nb", type: "serial", backfill: 0 });
  manager.dropColumn({ table: "fc5ms2", name: "a\nb", type: "serial" });
  manager.renameColumn({ table: "fc5ms2", from: "a\nb", to: "a\nb2" });

  manager.alterColumn({
    table: "fc5ms2",
    name: "a\nb",
    from: { type: "serial" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
    allowRebuild: true,
  });

  manager.addIndex({
    table: "fc5ms2",
    name: "ü",
    columns: ["a\nb"],
    method: "brin",
    allowRebuild: true,
  });

  manager.dropIndex({ table: "fc5ms2", name: "ü", columns: ["a\nb"], method: "brin" });
  manager.addConstraint({ kind: "unique", table: "fc5ms2", name: "epk940a", columns: ["a\nb"] });

  manager.dropConstraint({
    kind: "unique",
    table: "fc5ms2",
    name: "epk940a",
    columns: ["a\nb"],
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "unique",
    table: "fc5ms2",
    name: "hhp2q6632q",
    columns: ["a\nb"],
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "unique",
    table: "fc5ms2",
    name: "hhp2q6632q",
    columns: ["a\nb"],
  });

  manager.addConstraint({
    kind: "unique",
    table: "fc5ms2",
    name: "tkitejq5_a",
    columns: ["a\nb"],
  });

  manager.dropConstraint({
    kind: "unique",
    table: "fc5ms2",
    name: "tkitejq5_a",
    columns: ["a\nb"],
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "fc5ms2",
    name: "me9h9jyvy",
    columns: ["a\nb"],
    references: { table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
    onDelete: "no action",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "fc5ms2",
    name: "me9h9jyvy",
    columns: ["a\nb"],
    references: { table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
    onDelete: "no action",
    onUpdate: "set default",
  });

  manager.dropTable({
    name: "fc5ms2",
    className: "rin",
    primaryKey: ["a\nb"],
    columns: [{ name: "a\nb", type: "serial" }],
    indexes: [{ name: "ü", columns: ["a\nb"], method: "brin" }],
    uniques: [
      { name: "epk940a", columns: ["a\nb"] },
      { name: "hhp2q6632q", columns: ["a\nb"] },
      { name: "tkitejq5_a", columns: ["a\nb"] },
    ],
    foreignKeys: [
      {
        name: "me9h9jyvy",
        columns: ["a\nb"],
        references: { table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.addTable({
    name: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    className: "zwez61uc",
    primaryKey: ["wj3i6nn"],
    columns: [
      { name: "a\\b", type: "doublePrecision" },
      {
        name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
        type: "bigint",
        default: { kind: "value", value: "692574177189714999" },
      },
      { name: "wj3i6nn", type: "smallint", default: { kind: "sql", sql: "rz&#" } },
    ],
    indexes: [{ name: "𛀃𑃛𘪎շ𐞠✙𐓢", columns: ["wj3i6nn", "a\\b"], method: "gist" }],
    uniques: [
      { name: "ᢐലἫᖰ🠈𐓛", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", "wj3i6nn"] },
      { name: "𐿲🃰𑀍𐚂𘳇𑪼𓀿𝓬ꅪ", columns: ["wj3i6nn", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
    ],
    checks: [
      { name: "tnq_e9v8", sql: "dvmH" },
      { name: "𔕝𑴏𑶡⾴𔓘Ƶꉋ㉳𝤱𞠉𑋔ᴗ", sql: "PKH\\" },
      { name: "🢭𞅈", sql: "@JzuE" },
    ],
  });

  manager.renameTable({ from: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", to: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚_renamed" });

  manager.addColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "a\\b",
    type: "doublePrecision",
    backfill: 0,
  });

  manager.dropColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "a\\b",
    type: "doublePrecision",
    allowRebuild: true,
  });

  manager.renameColumn({ table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", from: "a\\b", to: "a\\b2" });

  manager.alterColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "a\\b",
    from: { type: "doublePrecision" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
    type: "bigint",
    default: { kind: "value", value: "692574177189714999" },
    backfill: 0,
  });

  manager.dropColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
    type: "bigint",
    default: { kind: "value", value: "692574177189714999" },
  });

  manager.renameColumn({ table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", from: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", to: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝2" });

  manager.alterColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
    from: { type: "bigint", default: { kind: "value", value: "692574177189714999" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "wj3i6nn",
    type: "smallint",
    default: { kind: "sql", sql: "rz&#" },
    backfill: 0,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "wj3i6nn",
    type: "smallint",
    default: { kind: "sql", sql: "rz&#" },
  });

  manager.renameColumn({ table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", from: "wj3i6nn", to: "wj3i6nn2" });

  manager.alterColumn({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "wj3i6nn",
    from: { type: "smallint", default: { kind: "sql", sql: "rz&#" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
  });

  manager.addIndex({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "𛀃𑃛𘪎շ𐞠✙𐓢",
    columns: ["wj3i6nn", "a\\b"],
    method: "gist",
    allowRebuild: true,
  });

  manager.dropIndex({
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "𛀃𑃛𘪎շ𐞠✙𐓢",
    columns: ["wj3i6nn", "a\\b"],
    method: "gist",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "unique",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "ᢐലἫᖰ🠈𐓛",
    columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", "wj3i6nn"],
  });

  manager.dropConstraint({
    kind: "unique",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "ᢐലἫᖰ🠈𐓛",
    columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", "wj3i6nn"],
  });

  manager.addConstraint({
    kind: "unique",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "𐿲🃰𑀍𐚂𘳇𑪼𓀿𝓬ꅪ",
    columns: ["wj3i6nn", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"],
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "unique",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "𐿲🃰𑀍𐚂𘳇𑪼𓀿𝓬ꅪ",
    columns: ["wj3i6nn", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"],
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "check", table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", name: "tnq_e9v8", sql: "dvmH" });

  manager.dropConstraint({
    kind: "check",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "tnq_e9v8",
    sql: "dvmH",
  });

  manager.addConstraint({
    kind: "check",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "𔕝𑴏𑶡⾴𔓘Ƶꉋ㉳𝤱𞠉𑋔ᴗ",
    sql: "PKH\\",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "check",
    table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    name: "𔕝𑴏𑶡⾴𔓘Ƶꉋ㉳𝤱𞠉𑋔ᴗ",
    sql: "PKH\\",
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "check", table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", name: "🢭𞅈", sql: "@JzuE" });
  manager.dropConstraint({ kind: "check", table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", name: "🢭𞅈", sql: "@JzuE" });

  manager.rebuildTable({
    from: {
      name: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
      className: "zwez61uc",
      primaryKey: ["wj3i6nn"],
      columns: [
        { name: "a\\b", type: "doublePrecision" },
        {
          name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
          type: "bigint",
          default: { kind: "value", value: "692574177189714999" },
        },
        { name: "wj3i6nn", type: "smallint", default: { kind: "sql", sql: "rz&#" } },
      ],
      indexes: [{ name: "𛀃𑃛𘪎շ𐞠✙𐓢", columns: ["wj3i6nn", "a\\b"], method: "gist" }],
      uniques: [
        { name: "ᢐലἫᖰ🠈𐓛", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", "wj3i6nn"] },
        { name: "𐿲🃰𑀍𐚂𘳇𑪼𓀿𝓬ꅪ", columns: ["wj3i6nn", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
      ],
      checks: [
        { name: "tnq_e9v8", sql: "dvmH" },
        { name: "𔕝𑴏𑶡⾴𔓘Ƶꉋ㉳𝤱𞠉𑋔ᴗ", sql: "PKH\\" },
        { name: "🢭𞅈", sql: "@JzuE" },
      ],
    },
    to: {
      name: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
      className: "zwez61uc",
      primaryKey: ["a\\b"],
      columns: [
        { name: "a\\b", type: "doublePrecision" },
        {
          name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
          type: "bigint",
          default: { kind: "value", value: "692574177189714999" },
        },
      ],
    },
    columnMap: { "a\\b": "a\\b", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝": "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝" },
    backfill: { "a\\b": 1 },
  });

  manager.dropTable({
    name: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    className: "zwez61uc",
    primaryKey: ["wj3i6nn"],
    columns: [
      { name: "a\\b", type: "doublePrecision" },
      {
        name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
        type: "bigint",
        default: { kind: "value", value: "692574177189714999" },
      },
      { name: "wj3i6nn", type: "smallint", default: { kind: "sql", sql: "rz&#" } },
    ],
    indexes: [{ name: "𛀃𑃛𘪎շ𐞠✙𐓢", columns: ["wj3i6nn", "a\\b"], method: "gist" }],
    uniques: [
      { name: "ᢐലἫᖰ🠈𐓛", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", "wj3i6nn"] },
      { name: "𐿲🃰𑀍𐚂𘳇𑪼𓀿𝓬ꅪ", columns: ["wj3i6nn", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
    ],
    checks: [
      { name: "tnq_e9v8", sql: "dvmH" },
      { name: "𔕝𑴏𑶡⾴𔓘Ƶꉋ㉳𝤱𞠉𑋔ᴗ", sql: "PKH\\" },
      { name: "🢭𞅈", sql: "@JzuE" },
    ],
  });

  return manager;
}
