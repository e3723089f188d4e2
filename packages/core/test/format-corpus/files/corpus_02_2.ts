import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:02:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 2.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "qqq",
    name: "b",
    columns: ["z3ey1hsz", "wkey"],
    references: { table: "wukjo9tc", columns: ["a7so8", "izihd"] },
    onDelete: "set default",
    onUpdate: "set default",
    online: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "wukjo9tc",
    name: "oq86ukf5",
    columns: ["k2n", "izihd"],
    references: { table: "qqq", columns: ["ctmmc8s1ieg", "z3ey1hsz"] },
    onDelete: "set default",
    onUpdate: "set null",
    online: true,
  });

  manager.dropTable({
    name: "wukjo9tc",
    primaryKey: ["k2n"],
    columns: [
      { name: "k2n", type: "jsonb" },
      { name: "a7so8", type: "smallint", default: { kind: "sql", sql: "r~<kj" } },
      { name: "b", type: "varchar", length: 32, nullable: true },
      { name: "izihd", type: "boolean", nullable: true, default: { kind: "value", value: false } },
      {
        name: "qnam",
        type: "real",
        nullable: true,
        default: { kind: "value", value: -7.502661892107365e+203 },
      },
      { name: "vfnjqok", type: "date", nullable: true },
    ],
    indexes: [
      { name: "gtfg2gl", columns: ["k2n", "qnam"], method: "hash" },
      { name: "iw89t", columns: ["qnam", "vfnjqok", "b"], method: "gin" },
      { name: "p64z8x", columns: ["b", "a7so8", "vfnjqok"] },
    ],
    uniques: [{ name: "ouf", columns: ["a7so8"] }],
  });

  manager.dropTable({
    name: "qqq",
    primaryKey: ["wkey"],
    columns: [
      { name: "ctmmc8s1ieg", type: "varchar", length: 493 },
      {
        name: "wkey",
        type: "uuid",
        default: { kind: "value", value: "fffffff4-000e-1000-8000-00192737a48e" },
      },
      { name: "z3ey1hsz", type: "jsonb", default: { kind: "sql", sql: ">*)!%s$D#" } },
    ],
    indexes: [
      { name: "shy", columns: ["z3ey1hsz", "ctmmc8s1ieg"], method: "hash" },
      { name: "zslp4aq", columns: ["z3ey1hsz", "ctmmc8s1ieg"], method: "hash" },
    ],
    uniques: [
      { name: "aapply", columns: ["wkey", "ctmmc8s1ieg"] },
      { name: "ol4j", columns: ["z3ey1hsz"] },
    ],
    checks: [
      { name: "j5jm", sql: "o><Z" },
      { name: "shq2", sql: "1O_)3o?OYDE" },
      { name: "zrw2aet", sql: "fiGM" },
    ],
  });

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

  return manager;
}
