import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:02:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 2.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "ü",
    className: "${x}",
    primaryKey: ["a\nb"],
    columns: [
      { name: "${x}", type: "bytea", nullable: true, default: { kind: "sql", sql: "$$%(" } },
      { name: "ዧ𐪑𛃊ㄶ😫", type: "jsonb", default: { kind: "sql", sql: "&\\" } },
      { name: "a\nb", type: "uuid" },
    ],
    indexes: [
      { name: "a", columns: ["a\nb"], method: "gist" },
      { name: "key", columns: ["a\nb", "${x}"], method: "gist" },
      { name: "yj26e1h8d7", columns: ["ዧ𐪑𛃊ㄶ😫", "${x}"], method: "hash" },
    ],
    uniques: [
      { name: "a\"b", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
      { name: "ㄮ$", columns: ["${x}"] },
      { name: "😀", columns: ["a\nb", "ዧ𐪑𛃊ㄶ😫"] },
    ],
    checks: [
      { name: "kn0b5h", sql: "$|N-FCxzS[P" },
      { name: "ⵁᣞ𐳭Ęꁵ𓅀Ệ∹𐪒", sql: "pL\\[_go.egE" },
    ],
    foreignKeys: [
      {
        name: "${x}",
        columns: ["a\nb", "${x}"],
        references: { table: "ü", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
      {
        name: "a\nb",
        columns: ["a\nb", "${x}"],
        references: { table: "ü", columns: ["a\nb", "${x}"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
      {
        name: "off",
        columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
        references: { table: "ü", columns: ["${x}", "a\nb"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
    ],
  });

  manager.renameTable({ from: "ü", to: "ü_renamed" });

  manager.addColumn({
    table: "ü",
    name: "${x}",
    type: "bytea",
    nullable: true,
    default: { kind: "sql", sql: "$$%(" },
    backfill: null,
  });

  manager.dropColumn({
    table: "ü",
    name: "${x}",
    type: "bytea",
    nullable: true,
    default: { kind: "sql", sql: "$$%(" },
  });

  manager.renameColumn({ table: "ü", from: "${x}", to: "${x}2" });

  manager.alterColumn({
    table: "ü",
    name: "${x}",
    from: { type: "bytea", nullable: true, default: { kind: "sql", sql: "$$%(" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addColumn({
    table: "ü",
    name: "ዧ𐪑𛃊ㄶ😫",
    type: "jsonb",
    default: { kind: "sql", sql: "&\\" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "ü",
    name: "ዧ𐪑𛃊ㄶ😫",
    type: "jsonb",
    default: { kind: "sql", sql: "&\\" },
  });

  manager.renameColumn({ table: "ü", from: "ዧ𐪑𛃊ㄶ😫", to: "ዧ𐪑𛃊ㄶ😫2" });

  manager.alterColumn({
    table: "ü",
    name: "ዧ𐪑𛃊ㄶ😫",
    from: { type: "jsonb", default: { kind: "sql", sql: "&\\" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
    allowRebuild: true,
  });

  manager.addColumn({ table: "ü", name: "a\nb", type: "uuid", backfill: 0, allowRebuild: true });
  manager.dropColumn({ table: "ü", name: "a\nb", type: "uuid", allowRebuild: true });
  manager.renameColumn({ table: "ü", from: "a\nb", to: "a\nb2" });

  manager.alterColumn({
    table: "ü",
    name: "a\nb",
    from: { type: "uuid" },
    to: { type: "text", nullable: true },
    backfill: "b",
  });

  manager.addIndex({
    table: "ü",
    name: "a",
    columns: ["a\nb"],
    method: "gist",
    allowRebuild: true,
  });

  manager.dropIndex({ table: "ü", name: "a", columns: ["a\nb"], method: "gist" });
  manager.addIndex({ table: "ü", name: "key", columns: ["a\nb", "${x}"], method: "gist" });
  manager.dropIndex({ table: "ü", name: "key", columns: ["a\nb", "${x}"], method: "gist" });

  manager.addIndex({
    table: "ü",
    name: "yj26e1h8d7",
    columns: ["ዧ𐪑𛃊ㄶ😫", "${x}"],
    method: "hash",
    allowRebuild: true,
  });

  manager.dropIndex({
    table: "ü",
    name: "yj26e1h8d7",
    columns: ["ዧ𐪑𛃊ㄶ😫", "${x}"],
    method: "hash",
  });

  manager.addConstraint({
    kind: "unique",
    table: "ü",
    name: "a\"b",
    columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "unique",
    table: "ü",
    name: "a\"b",
    columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "unique",
    table: "ü",
    name: "ㄮ$",
    columns: ["${x}"],
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "unique", table: "ü", name: "ㄮ$", columns: ["${x}"] });

  manager.addConstraint({
    kind: "unique",
    table: "ü",
    name: "😀",
    columns: ["a\nb", "ዧ𐪑𛃊ㄶ😫"],
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "unique", table: "ü", name: "😀", columns: ["a\nb", "ዧ𐪑𛃊ㄶ😫"] });
  manager.addConstraint({ kind: "check", table: "ü", name: "kn0b5h", sql: "$|N-FCxzS[P" });
  manager.dropConstraint({ kind: "check", table: "ü", name: "kn0b5h", sql: "$|N-FCxzS[P" });

  manager.addConstraint({
    kind: "check",
    table: "ü",
    name: "ⵁᣞ𐳭Ęꁵ𓅀Ệ∹𐪒",
    sql: "pL\\[_go.egE",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "check",
    table: "ü",
    name: "ⵁᣞ𐳭Ęꁵ𓅀Ệ∹𐪒",
    sql: "pL\\[_go.egE",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "ü",
    name: "${x}",
    columns: ["a\nb", "${x}"],
    references: { table: "ü", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
    onDelete: "restrict",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "ü",
    name: "${x}",
    columns: ["a\nb", "${x}"],
    references: { table: "ü", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
    onDelete: "restrict",
    onUpdate: "set default",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "ü",
    name: "a\nb",
    columns: ["a\nb", "${x}"],
    references: { table: "ü", columns: ["a\nb", "${x}"] },
    onDelete: "set default",
    onUpdate: "restrict",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "ü",
    name: "a\nb",
    columns: ["a\nb", "${x}"],
    references: { table: "ü", columns: ["a\nb", "${x}"] },
    onDelete: "set default",
    onUpdate: "restrict",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "ü",
    name: "off",
    columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
    references: { table: "ü", columns: ["${x}", "a\nb"] },
    onDelete: "no action",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "ü",
    name: "off",
    columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
    references: { table: "ü", columns: ["${x}", "a\nb"] },
    onDelete: "no action",
    onUpdate: "cascade",
  });

  manager.rebuildTable({
    from: {
      name: "ü",
      className: "${x}",
      primaryKey: ["a\nb"],
      columns: [
        { name: "${x}", type: "bytea", nullable: true, default: { kind: "sql", sql: "$$%(" } },
        { name: "ዧ𐪑𛃊ㄶ😫", type: "jsonb", default: { kind: "sql", sql: "&\\" } },
        { name: "a\nb", type: "uuid" },
      ],
      indexes: [
        { name: "a", columns: ["a\nb"], method: "gist" },
        { name: "key", columns: ["a\nb", "${x}"], method: "gist" },
        { name: "yj26e1h8d7", columns: ["ዧ𐪑𛃊ㄶ😫", "${x}"], method: "hash" },
      ],
      uniques: [
        { name: "a\"b", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
        { name: "ㄮ$", columns: ["${x}"] },
        { name: "😀", columns: ["a\nb", "ዧ𐪑𛃊ㄶ😫"] },
      ],
      checks: [
        { name: "kn0b5h", sql: "$|N-FCxzS[P" },
        { name: "ⵁᣞ𐳭Ęꁵ𓅀Ệ∹𐪒", sql: "pL\\[_go.egE" },
      ],
      foreignKeys: [
        {
          name: "${x}",
          columns: ["a\nb", "${x}"],
          references: { table: "ü", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
          onDelete: "restrict",
          onUpdate: "set default",
        },
        {
          name: "a\nb",
          columns: ["a\nb", "${x}"],
          references: { table: "ü", columns: ["a\nb", "${x}"] },
          onDelete: "set default",
          onUpdate: "restrict",
        },
        {
          name: "off",
          columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
          references: { table: "ü", columns: ["${x}", "a\nb"] },
          onDelete: "no action",
          onUpdate: "cascade",
        },
      ],
    },
    to: {
      name: "ü",
      className: "${x}",
      primaryKey: ["${x}"],
      columns: [
        { name: "${x}", type: "bytea", nullable: true, default: { kind: "sql", sql: "$$%(" } },
        { name: "ዧ𐪑𛃊ㄶ😫", type: "jsonb", default: { kind: "sql", sql: "&\\" } },
      ],
      indexes: [{ name: "yj26e1h8d7", columns: ["ዧ𐪑𛃊ㄶ😫", "${x}"], method: "hash" }],
      uniques: [{ name: "ㄮ$", columns: ["${x}"] }],
    },
    columnMap: { "${x}": "${x}", "ዧ𐪑𛃊ㄶ😫": "ዧ𐪑𛃊ㄶ😫" },
    backfill: { "${x}": 1 },
  });

  manager.dropTable({
    name: "ü",
    className: "${x}",
    primaryKey: ["a\nb"],
    columns: [
      { name: "${x}", type: "bytea", nullable: true, default: { kind: "sql", sql: "$$%(" } },
      { name: "ዧ𐪑𛃊ㄶ😫", type: "jsonb", default: { kind: "sql", sql: "&\\" } },
      { name: "a\nb", type: "uuid" },
    ],
    indexes: [
      { name: "a", columns: ["a\nb"], method: "gist" },
      { name: "key", columns: ["a\nb", "${x}"], method: "gist" },
      { name: "yj26e1h8d7", columns: ["ዧ𐪑𛃊ㄶ😫", "${x}"], method: "hash" },
    ],
    uniques: [
      { name: "a\"b", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
      { name: "ㄮ$", columns: ["${x}"] },
      { name: "😀", columns: ["a\nb", "ዧ𐪑𛃊ㄶ😫"] },
    ],
    checks: [
      { name: "kn0b5h", sql: "$|N-FCxzS[P" },
      { name: "ⵁᣞ𐳭Ęꁵ𓅀Ệ∹𐪒", sql: "pL\\[_go.egE" },
    ],
    foreignKeys: [
      {
        name: "${x}",
        columns: ["a\nb", "${x}"],
        references: { table: "ü", columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
      {
        name: "a\nb",
        columns: ["a\nb", "${x}"],
        references: { table: "ü", columns: ["a\nb", "${x}"] },
        onDelete: "set default",
        onUpdate: "restrict",
      },
      {
        name: "off",
        columns: ["ዧ𐪑𛃊ㄶ😫", "a\nb"],
        references: { table: "ü", columns: ["${x}", "a\nb"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
    ],
  });

  return manager;
}
