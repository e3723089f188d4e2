import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:14:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 14.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "gc",
    className: "𝘣⌆💘",
    primaryKey: ["skz5e2"],
    columns: [
      {
        name: "el",
        type: "bigint",
        nullable: true,
        default: { kind: "value", value: "-6251148776269463894" },
      },
      { name: "a\nb", type: "bytea", nullable: true },
      { name: "日本", type: "jsonb", default: { kind: "value", value: "'" } },
      { name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", type: "jsonb" },
      { name: "skz5e2", type: "numeric", precision: 5, scale: 4 },
    ],
    indexes: [
      { name: "${x}", columns: ["𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", "skz5e2", "日本"] },
      { name: "a\"b", columns: ["a\nb", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢"], method: "brin" },
      { name: "a\\b", columns: ["skz5e2"], method: "gin" },
    ],
  });

  manager.renameTable({ from: "gc", to: "gc_renamed" });

  manager.addColumn({
    table: "gc",
    name: "el",
    type: "bigint",
    nullable: true,
    default: { kind: "value", value: "-6251148776269463894" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "gc",
    name: "el",
    type: "bigint",
    nullable: true,
    default: { kind: "value", value: "-6251148776269463894" },
  });

  manager.renameColumn({ table: "gc", from: "el", to: "el2" });

  manager.alterColumn({
    table: "gc",
    name: "el",
    from: {
      type: "bigint",
      nullable: true,
      default: { kind: "value", value: "-6251148776269463894" },
    },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
    allowRebuild: true,
  });

  manager.addColumn({ table: "gc", name: "a\nb", type: "bytea", nullable: true, backfill: null });
  manager.dropColumn({ table: "gc", name: "a\nb", type: "bytea", nullable: true });
  manager.renameColumn({ table: "gc", from: "a\nb", to: "a\nb2" });

  manager.alterColumn({
    table: "gc",
    name: "a\nb",
    from: { type: "bytea", nullable: true },
    to: { type: "text" },
    lossy: true,
    allowRebuild: true,
  });

  manager.addColumn({
    table: "gc",
    name: "日本",
    type: "jsonb",
    default: { kind: "value", value: "'" },
  });

  manager.dropColumn({
    table: "gc",
    name: "日本",
    type: "jsonb",
    default: { kind: "value", value: "'" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "gc", from: "日本", to: "日本2" });

  manager.alterColumn({
    table: "gc",
    name: "日本",
    from: { type: "jsonb", default: { kind: "value", value: "'" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
    allowRebuild: true,
  });

  manager.addColumn({ table: "gc", name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", type: "jsonb", backfill: 0 });
  manager.dropColumn({ table: "gc", name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", type: "jsonb", allowRebuild: true });
  manager.renameColumn({ table: "gc", from: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", to: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢2" });

  manager.alterColumn({
    table: "gc",
    name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢",
    from: { type: "jsonb" },
    to: { type: "text", nullable: true },
    lossy: true,
  });

  manager.addColumn({ table: "gc", name: "skz5e2", type: "numeric", precision: 5, scale: 4 });

  manager.dropColumn({
    table: "gc",
    name: "skz5e2",
    type: "numeric",
    precision: 5,
    scale: 4,
    allowRebuild: true,
  });

  manager.renameColumn({ table: "gc", from: "skz5e2", to: "skz5e22" });

  manager.alterColumn({
    table: "gc",
    name: "skz5e2",
    from: { type: "numeric", precision: 5, scale: 4 },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addIndex({
    table: "gc",
    name: "${x}",
    columns: ["𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", "skz5e2", "日本"],
    allowRebuild: true,
  });

  manager.dropIndex({
    table: "gc",
    name: "${x}",
    columns: ["𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", "skz5e2", "日本"],
    allowRebuild: true,
  });

  manager.addIndex({
    table: "gc",
    name: "a\"b",
    columns: ["a\nb", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢"],
    method: "brin",
  });

  manager.dropIndex({
    table: "gc",
    name: "a\"b",
    columns: ["a\nb", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢"],
    method: "brin",
    allowRebuild: true,
  });

  manager.addIndex({ table: "gc", name: "a\\b", columns: ["skz5e2"], method: "gin" });
  manager.dropIndex({ table: "gc", name: "a\\b", columns: ["skz5e2"], method: "gin" });

  manager.rebuildTable({
    from: {
      name: "gc",
      className: "𝘣⌆💘",
      primaryKey: ["skz5e2"],
      columns: [
        {
          name: "el",
          type: "bigint",
          nullable: true,
          default: { kind: "value", value: "-6251148776269463894" },
        },
        { name: "a\nb", type: "bytea", nullable: true },
        { name: "日本", type: "jsonb", default: { kind: "value", value: "'" } },
        { name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", type: "jsonb" },
        { name: "skz5e2", type: "numeric", precision: 5, scale: 4 },
      ],
      indexes: [
        { name: "${x}", columns: ["𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", "skz5e2", "日本"] },
        { name: "a\"b", columns: ["a\nb", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢"], method: "brin" },
        { name: "a\\b", columns: ["skz5e2"], method: "gin" },
      ],
    },
    to: {
      name: "gc",
      className: "𝘣⌆💘",
      primaryKey: ["el"],
      columns: [
        {
          name: "el",
          type: "bigint",
          nullable: true,
          default: { kind: "value", value: "-6251148776269463894" },
        },
        { name: "a\nb", type: "bytea", nullable: true },
        { name: "日本", type: "jsonb", default: { kind: "value", value: "'" } },
        { name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", type: "jsonb" },
      ],
      indexes: [{ name: "a\"b", columns: ["a\nb", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢"], method: "brin" }],
    },
    columnMap: { el: "el", "a\nb": "a\nb", "日本": "日本", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢": "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢" },
    backfill: { el: 1 },
  });

  manager.dropTable({
    name: "gc",
    className: "𝘣⌆💘",
    primaryKey: ["skz5e2"],
    columns: [
      {
        name: "el",
        type: "bigint",
        nullable: true,
        default: { kind: "value", value: "-6251148776269463894" },
      },
      { name: "a\nb", type: "bytea", nullable: true },
      { name: "日本", type: "jsonb", default: { kind: "value", value: "'" } },
      { name: "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", type: "jsonb" },
      { name: "skz5e2", type: "numeric", precision: 5, scale: 4 },
    ],
    indexes: [
      { name: "${x}", columns: ["𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢", "skz5e2", "日本"] },
      { name: "a\"b", columns: ["a\nb", "𞓟ᬇ𓁚⾸𘢌𑤓𐼄⦢"], method: "brin" },
      { name: "a\\b", columns: ["skz5e2"], method: "gin" },
    ],
  });

  return manager;
}
