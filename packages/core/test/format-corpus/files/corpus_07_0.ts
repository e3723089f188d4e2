import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:07:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 7.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    className: "m6",
    primaryKey: ["${x}"],
    columns: [
      { name: "ت𖬷🡡𘢙ᢋⴻ", type: "bigserial", nullable: true },
      { name: "𝞤🗚㏹", type: "smallint", nullable: true },
      { name: "ɛᴥ", type: "uuid", nullable: true, default: { kind: "random" } },
      { name: "a\\b", type: "bigserial", nullable: true },
      { name: "${x}", type: "bytea", default: { kind: "sql", sql: "D#@9" } },
    ],
    uniques: [{ name: "sg", columns: ["a\\b"] }],
    checks: [
      { name: "₨𝅘𝅥𝅮__proto__c", sql: ";c" },
      { name: "𑂫)𝅘𝅥", sql: "NI\\Rd]6i" },
    ],
  });

  manager.renameTable({ from: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", to: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰_renamed" });

  manager.addColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "ت𖬷🡡𘢙ᢋⴻ",
    type: "bigserial",
    nullable: true,
    backfill: null,
    allowRebuild: true,
  });

  manager.dropColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", name: "ت𖬷🡡𘢙ᢋⴻ", type: "bigserial", nullable: true });
  manager.renameColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", from: "ت𖬷🡡𘢙ᢋⴻ", to: "ت𖬷🡡𘢙ᢋⴻ2" });

  manager.alterColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "ت𖬷🡡𘢙ᢋⴻ",
    from: { type: "bigserial", nullable: true },
    to: { type: "text" },
  });

  manager.addColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", name: "𝞤🗚㏹", type: "smallint", nullable: true });
  manager.dropColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", name: "𝞤🗚㏹", type: "smallint", nullable: true });
  manager.renameColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", from: "𝞤🗚㏹", to: "𝞤🗚㏹2" });

  manager.alterColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "𝞤🗚㏹",
    from: { type: "smallint", nullable: true },
    to: { type: "text", default: { kind: "value", value: "x" } },
    lossy: true,
  });

  manager.addColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "ɛᴥ",
    type: "uuid",
    nullable: true,
    default: { kind: "random" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "ɛᴥ",
    type: "uuid",
    nullable: true,
    default: { kind: "random" },
  });

  manager.renameColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", from: "ɛᴥ", to: "ɛᴥ2" });

  manager.alterColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "ɛᴥ",
    from: { type: "uuid", nullable: true, default: { kind: "random" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
    lossy: true,
  });

  manager.addColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "a\\b",
    type: "bigserial",
    nullable: true,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "a\\b",
    type: "bigserial",
    nullable: true,
    allowRebuild: true,
  });

  manager.renameColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", from: "a\\b", to: "a\\b2" });

  manager.alterColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "a\\b",
    from: { type: "bigserial", nullable: true },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "${x}",
    type: "bytea",
    default: { kind: "sql", sql: "D#@9" },
  });

  manager.dropColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "${x}",
    type: "bytea",
    default: { kind: "sql", sql: "D#@9" },
  });

  manager.renameColumn({ table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", from: "${x}", to: "${x}2" });

  manager.alterColumn({
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "${x}",
    from: { type: "bytea", default: { kind: "sql", sql: "D#@9" } },
    to: { type: "text", nullable: true },
  });

  manager.addConstraint({ kind: "unique", table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰", name: "sg", columns: ["a\\b"] });

  manager.dropConstraint({
    kind: "unique",
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "sg",
    columns: ["a\\b"],
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "check",
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "₨𝅘𝅥𝅮__proto__c",
    sql: ";c",
  });

  manager.dropConstraint({
    kind: "check",
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "₨𝅘𝅥𝅮__proto__c",
    sql: ";c",
  });

  manager.addConstraint({
    kind: "check",
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "𑂫)𝅘𝅥",
    sql: "NI\\Rd]6i",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "check",
    table: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    name: "𑂫)𝅘𝅥",
    sql: "NI\\Rd]6i",
    allowRebuild: true,
  });

  manager.rebuildTable({
    from: {
      name: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
      className: "m6",
      primaryKey: ["${x}"],
      columns: [
        { name: "ت𖬷🡡𘢙ᢋⴻ", type: "bigserial", nullable: true },
        { name: "𝞤🗚㏹", type: "smallint", nullable: true },
        { name: "ɛᴥ", type: "uuid", nullable: true, default: { kind: "random" } },
        { name: "a\\b", type: "bigserial", nullable: true },
        { name: "${x}", type: "bytea", default: { kind: "sql", sql: "D#@9" } },
      ],
      uniques: [{ name: "sg", columns: ["a\\b"] }],
      checks: [
        { name: "₨𝅘𝅥𝅮__proto__c", sql: ";c" },
        { name: "𑂫)𝅘𝅥", sql: "NI\\Rd]6i" },
      ],
    },
    to: {
      name: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
      className: "m6",
      primaryKey: ["ت𖬷🡡𘢙ᢋⴻ"],
      columns: [
        { name: "ت𖬷🡡𘢙ᢋⴻ", type: "bigserial", nullable: true },
        { name: "𝞤🗚㏹", type: "smallint", nullable: true },
        { name: "ɛᴥ", type: "uuid", nullable: true, default: { kind: "random" } },
        { name: "a\\b", type: "bigserial", nullable: true },
      ],
      uniques: [{ name: "sg", columns: ["a\\b"] }],
    },
    columnMap: { "ت𖬷🡡𘢙ᢋⴻ": "ت𖬷🡡𘢙ᢋⴻ", "𝞤🗚㏹": "𝞤🗚㏹", "ɛᴥ": "ɛᴥ", "a\\b": "a\\b" },
    backfill: { "ت𖬷🡡𘢙ᢋⴻ": 1 },
  });

  manager.dropTable({
    name: "ⱓ𐭓ꏅ╾⧈Ó𞡺㈰",
    className: "m6",
    primaryKey: ["${x}"],
    columns: [
      { name: "ت𖬷🡡𘢙ᢋⴻ", type: "bigserial", nullable: true },
      { name: "𝞤🗚㏹", type: "smallint", nullable: true },
      { name: "ɛᴥ", type: "uuid", nullable: true, default: { kind: "random" } },
      { name: "a\\b", type: "bigserial", nullable: true },
      { name: "${x}", type: "bytea", default: { kind: "sql", sql: "D#@9" } },
    ],
    uniques: [{ name: "sg", columns: ["a\\b"] }],
    checks: [
      { name: "₨𝅘𝅥𝅮__proto__c", sql: ";c" },
      { name: "𑂫)𝅘𝅥", sql: "NI\\Rd]6i" },
    ],
  });

  return manager;
}
