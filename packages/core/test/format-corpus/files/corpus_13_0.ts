import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:13:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 13.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "⫧ঢ়𞣋𝄫",
    className: "yo_aa022",
    primaryKey: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"],
    columns: [
      { name: "ut6gqpvzq", type: "timestamp", default: { kind: "sql", sql: "j&_#" } },
      { name: "ʊ𒑄列𓇢ሦӷ𘬖", type: "uuid", default: { kind: "random" } },
    ],
    indexes: [{ name: "日本", columns: ["ʊ𒑄列𓇢ሦӷ𘬖"], method: "gin" }],
    foreignKeys: [
      {
        name: "${x}",
        columns: ["ut6gqpvzq"],
        references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
      {
        name: "𘦃🟦",
        columns: ["ʊ𒑄列𓇢ሦӷ𘬖", "ut6gqpvzq"],
        references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀", "j6tjk7d98w"] },
        onDelete: "restrict",
        onUpdate: "cascade",
      },
    ],
  });

  manager.renameTable({ from: "⫧ঢ়𞣋𝄫", to: "⫧ঢ়𞣋𝄫_renamed" });

  manager.addColumn({
    table: "⫧ঢ়𞣋𝄫",
    name: "ut6gqpvzq",
    type: "timestamp",
    default: { kind: "sql", sql: "j&_#" },
    backfill: 0,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "⫧ঢ়𞣋𝄫",
    name: "ut6gqpvzq",
    type: "timestamp",
    default: { kind: "sql", sql: "j&_#" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "⫧ঢ়𞣋𝄫", from: "ut6gqpvzq", to: "ut6gqpvzq2" });

  manager.alterColumn({
    table: "⫧ঢ়𞣋𝄫",
    name: "ut6gqpvzq",
    from: { type: "timestamp", default: { kind: "sql", sql: "j&_#" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "⫧ঢ়𞣋𝄫",
    name: "ʊ𒑄列𓇢ሦӷ𘬖",
    type: "uuid",
    default: { kind: "random" },
    backfill: 0,
  });

  manager.dropColumn({
    table: "⫧ঢ়𞣋𝄫",
    name: "ʊ𒑄列𓇢ሦӷ𘬖",
    type: "uuid",
    default: { kind: "random" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "⫧ঢ়𞣋𝄫", from: "ʊ𒑄列𓇢ሦӷ𘬖", to: "ʊ𒑄列𓇢ሦӷ𘬖2" });

  manager.alterColumn({
    table: "⫧ঢ়𞣋𝄫",
    name: "ʊ𒑄列𓇢ሦӷ𘬖",
    from: { type: "uuid", default: { kind: "random" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
    lossy: true,
    allowRebuild: true,
  });

  manager.addIndex({
    table: "⫧ঢ়𞣋𝄫",
    name: "日本",
    columns: ["ʊ𒑄列𓇢ሦӷ𘬖"],
    method: "gin",
    allowRebuild: true,
  });

  manager.dropIndex({ table: "⫧ঢ়𞣋𝄫", name: "日本", columns: ["ʊ𒑄列𓇢ሦӷ𘬖"], method: "gin" });

  manager.addConstraint({
    kind: "foreign_key",
    table: "⫧ঢ়𞣋𝄫",
    name: "${x}",
    columns: ["ut6gqpvzq"],
    references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
    onDelete: "restrict",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "⫧ঢ়𞣋𝄫",
    name: "${x}",
    columns: ["ut6gqpvzq"],
    references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
    onDelete: "restrict",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "⫧ঢ়𞣋𝄫",
    name: "𘦃🟦",
    columns: ["ʊ𒑄列𓇢ሦӷ𘬖", "ut6gqpvzq"],
    references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀", "j6tjk7d98w"] },
    onDelete: "restrict",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "⫧ঢ়𞣋𝄫",
    name: "𘦃🟦",
    columns: ["ʊ𒑄列𓇢ሦӷ𘬖", "ut6gqpvzq"],
    references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀", "j6tjk7d98w"] },
    onDelete: "restrict",
    onUpdate: "cascade",
  });

  manager.rebuildTable({
    from: {
      name: "⫧ঢ়𞣋𝄫",
      className: "yo_aa022",
      primaryKey: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"],
      columns: [
        { name: "ut6gqpvzq", type: "timestamp", default: { kind: "sql", sql: "j&_#" } },
        { name: "ʊ𒑄列𓇢ሦӷ𘬖", type: "uuid", default: { kind: "random" } },
      ],
      indexes: [{ name: "日本", columns: ["ʊ𒑄列𓇢ሦӷ𘬖"], method: "gin" }],
      foreignKeys: [
        {
          name: "${x}",
          columns: ["ut6gqpvzq"],
          references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
          onDelete: "restrict",
          onUpdate: "set default",
        },
        {
          name: "𘦃🟦",
          columns: ["ʊ𒑄列𓇢ሦӷ𘬖", "ut6gqpvzq"],
          references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀", "j6tjk7d98w"] },
          onDelete: "restrict",
          onUpdate: "cascade",
        },
      ],
    },
    to: {
      name: "⫧ঢ়𞣋𝄫",
      className: "yo_aa022",
      primaryKey: ["ut6gqpvzq"],
      columns: [{ name: "ut6gqpvzq", type: "timestamp", default: { kind: "sql", sql: "j&_#" } }],
      foreignKeys: [
        {
          name: "${x}",
          columns: ["ut6gqpvzq"],
          references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
          onDelete: "restrict",
          onUpdate: "set default",
        },
      ],
    },
    columnMap: { ut6gqpvzq: "ut6gqpvzq" },
    backfill: { ut6gqpvzq: 1 },
  });

  manager.dropTable({
    name: "⫧ঢ়𞣋𝄫",
    className: "yo_aa022",
    primaryKey: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"],
    columns: [
      { name: "ut6gqpvzq", type: "timestamp", default: { kind: "sql", sql: "j&_#" } },
      { name: "ʊ𒑄列𓇢ሦӷ𘬖", type: "uuid", default: { kind: "random" } },
    ],
    indexes: [{ name: "日本", columns: ["ʊ𒑄列𓇢ሦӷ𘬖"], method: "gin" }],
    foreignKeys: [
      {
        name: "${x}",
        columns: ["ut6gqpvzq"],
        references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
      {
        name: "𘦃🟦",
        columns: ["ʊ𒑄列𓇢ሦӷ𘬖", "ut6gqpvzq"],
        references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀", "j6tjk7d98w"] },
        onDelete: "restrict",
        onUpdate: "cascade",
      },
    ],
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
        name: "${x}",
        columns: ["𞲴4𐄻⪁ᐧ"],
        references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀"] },
        onDelete: "set default",
        onUpdate: "cascade",
      },
      {
        name: "日本",
        columns: ["𞲴4𐄻⪁ᐧ"],
        references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
    ],
  });

  manager.renameTable({ from: "日本", to: "日本_renamed" });

  manager.addColumn({
    table: "日本",
    name: "𞲴4𐄻⪁ᐧ",
    type: "bigint",
    default: { kind: "value", value: -9 },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "日本",
    name: "𞲴4𐄻⪁ᐧ",
    type: "bigint",
    default: { kind: "value", value: -9 },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "日本", from: "𞲴4𐄻⪁ᐧ", to: "𞲴4𐄻⪁ᐧ2" });

  manager.alterColumn({
    table: "日本",
    name: "𞲴4𐄻⪁ᐧ",
    from: { type: "bigint", default: { kind: "value", value: -9 } },
    to: { type: "text", nullable: true },
    backfill: "b",
    lossy: true,
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "unique", table: "日本", name: "eg", columns: ["𞲴4𐄻⪁ᐧ"] });

  manager.dropConstraint({
    kind: "unique",
    table: "日本",
    name: "eg",
    columns: ["𞲴4𐄻⪁ᐧ"],
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "unique",
    table: "日本",
    name: "ü",
    columns: ["𞲴4𐄻⪁ᐧ"],
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "unique",
    table: "日本",
    name: "ü",
    columns: ["𞲴4𐄻⪁ᐧ"],
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "日本",
    name: "${x}",
    columns: ["𞲴4𐄻⪁ᐧ"],
    references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀"] },
    onDelete: "set default",
    onUpdate: "cascade",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "日本",
    name: "${x}",
    columns: ["𞲴4𐄻⪁ᐧ"],
    references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀"] },
    onDelete: "set default",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "日本",
    name: "日本",
    columns: ["𞲴4𐄻⪁ᐧ"],
    references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
    onDelete: "set default",
    onUpdate: "restrict",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "日本",
    name: "日本",
    columns: ["𞲴4𐄻⪁ᐧ"],
    references: { table: "日本", columns: ["𞲴4𐄻⪁ᐧ"] },
    onDelete: "set default",
    onUpdate: "restrict",
    allowRebuild: true,
  });

  manager.dropTable({
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
        name: "${x}",
        columns: ["𞲴4𐄻⪁ᐧ"],
        references: { table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", columns: ["😀"] },
        onDelete: "set default",
        onUpdate: "cascade",
      },
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
    foreignKeys: [
      {
        name: "😀",
        columns: ["😀", "j6tjk7d98w"],
        references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
      {
        name: "𠨬𒆵︵˰Ởԁ⸮ถ𝦁𑼏",
        columns: ["j6tjk7d98w", "😀"],
        references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
    ],
  });

  manager.renameTable({ from: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", to: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟_renamed" });
  manager.addColumn({ table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", name: "😀", type: "integer" });

  manager.dropColumn({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    type: "integer",
    allowRebuild: true,
  });

  manager.renameColumn({ table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", from: "😀", to: "😀2" });

  manager.alterColumn({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    from: { type: "integer" },
    to: { type: "text", nullable: true },
    backfill: "b",
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "j6tjk7d98w",
    type: "bytea",
    nullable: true,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "j6tjk7d98w",
    type: "bytea",
    nullable: true,
  });

  manager.renameColumn({ table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟", from: "j6tjk7d98w", to: "j6tjk7d98w2" });

  manager.alterColumn({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "j6tjk7d98w",
    from: { type: "bytea", nullable: true },
    to: { type: "text" },
    backfill: "b",
    lossy: true,
    allowRebuild: true,
  });

  manager.addIndex({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    columns: ["j6tjk7d98w", "😀"],
    method: "gist",
    allowRebuild: true,
  });

  manager.dropIndex({
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    columns: ["j6tjk7d98w", "😀"],
    method: "gist",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "check",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "a\nb",
    sql: " {#$",
  });

  manager.dropConstraint({
    kind: "check",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "a\nb",
    sql: " {#$",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    columns: ["😀", "j6tjk7d98w"],
    references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
    onDelete: "set default",
    onUpdate: "no action",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "😀",
    columns: ["😀", "j6tjk7d98w"],
    references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
    onDelete: "set default",
    onUpdate: "no action",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "𠨬𒆵︵˰Ởԁ⸮ถ𝦁𑼏",
    columns: ["j6tjk7d98w", "😀"],
    references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
    onDelete: "no action",
    onUpdate: "cascade",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    name: "𠨬𒆵︵˰Ởԁ⸮ถ𝦁𑼏",
    columns: ["j6tjk7d98w", "😀"],
    references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
    onDelete: "no action",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.rebuildTable({
    from: {
      name: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
      primaryKey: ["😀"],
      columns: [
        { name: "😀", type: "integer" },
        { name: "j6tjk7d98w", type: "bytea", nullable: true },
      ],
      indexes: [{ name: "😀", columns: ["j6tjk7d98w", "😀"], method: "gist" }],
      checks: [{ name: "a\nb", sql: " {#$" }],
      foreignKeys: [
        {
          name: "😀",
          columns: ["😀", "j6tjk7d98w"],
          references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
          onDelete: "set default",
          onUpdate: "no action",
        },
        {
          name: "𠨬𒆵︵˰Ởԁ⸮ถ𝦁𑼏",
          columns: ["j6tjk7d98w", "😀"],
          references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
          onDelete: "no action",
          onUpdate: "cascade",
        },
      ],
    },
    to: {
      name: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
      primaryKey: ["😀"],
      columns: [{ name: "😀", type: "integer" }],
    },
    columnMap: { "😀": "😀" },
  });

  manager.dropTable({
    name: "𐧉𔔶Ḕ𒔑𖹭㉛𓌏🩣ოᙈ𒂟",
    primaryKey: ["😀"],
    columns: [
      { name: "😀", type: "integer" },
      { name: "j6tjk7d98w", type: "bytea", nullable: true },
    ],
    indexes: [{ name: "😀", columns: ["j6tjk7d98w", "😀"], method: "gist" }],
    checks: [{ name: "a\nb", sql: " {#$" }],
    foreignKeys: [
      {
        name: "😀",
        columns: ["😀", "j6tjk7d98w"],
        references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
      {
        name: "𠨬𒆵︵˰Ởԁ⸮ถ𝦁𑼏",
        columns: ["j6tjk7d98w", "😀"],
        references: { table: "⫧ঢ়𞣋𝄫", columns: ["ut6gqpvzq", "ʊ𒑄列𓇢ሦӷ𘬖"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
    ],
  });

  return manager;
}
