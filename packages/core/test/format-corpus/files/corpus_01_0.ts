import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:01:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 1.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "wy",
    className: "znbw",
    primaryKey: ["a\\b"],
    columns: [
      {
        name: "yuewnzn",
        type: "bigint",
        nullable: true,
        default: { kind: "value", value: "-9223372036854775789" },
      },
      { name: "a\\b", type: "smallint" },
    ],
    uniques: [
      { name: "a\\b", columns: ["yuewnzn"] },
      { name: "engtef🦑ꤏva", columns: ["a\\b"] },
      { name: "ᒜ❅𐹧🍟𐧓Ｇ𑇣", columns: ["a\\b"] },
    ],
    checks: [
      { name: "a\nb", sql: "XB5{wa<T] tv" },
      { name: "v", sql: "k?IQ!JC[n(" },
      { name: "⯕𘫹ⵝᒖ𐖎ﾴ", sql: "|gOJ}*#Ji" },
    ],
  });

  manager.renameTable({ from: "wy", to: "wy_renamed" });

  manager.addColumn({
    table: "wy",
    name: "yuewnzn",
    type: "bigint",
    nullable: true,
    default: { kind: "value", value: "-9223372036854775789" },
  });

  manager.dropColumn({
    table: "wy",
    name: "yuewnzn",
    type: "bigint",
    nullable: true,
    default: { kind: "value", value: "-9223372036854775789" },
  });

  manager.renameColumn({ table: "wy", from: "yuewnzn", to: "yuewnzn2" });

  manager.alterColumn({
    table: "wy",
    name: "yuewnzn",
    from: {
      type: "bigint",
      nullable: true,
      default: { kind: "value", value: "-9223372036854775789" },
    },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({ table: "wy", name: "a\\b", type: "smallint" });
  manager.dropColumn({ table: "wy", name: "a\\b", type: "smallint" });
  manager.renameColumn({ table: "wy", from: "a\\b", to: "a\\b2" });

  manager.alterColumn({
    table: "wy",
    name: "a\\b",
    from: { type: "smallint" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addConstraint({ kind: "unique", table: "wy", name: "a\\b", columns: ["yuewnzn"] });
  manager.dropConstraint({ kind: "unique", table: "wy", name: "a\\b", columns: ["yuewnzn"] });
  manager.addConstraint({ kind: "unique", table: "wy", name: "engtef🦑ꤏva", columns: ["a\\b"] });
  manager.dropConstraint({ kind: "unique", table: "wy", name: "engtef🦑ꤏva", columns: ["a\\b"] });
  manager.addConstraint({ kind: "unique", table: "wy", name: "ᒜ❅𐹧🍟𐧓Ｇ𑇣", columns: ["a\\b"] });
  manager.dropConstraint({ kind: "unique", table: "wy", name: "ᒜ❅𐹧🍟𐧓Ｇ𑇣", columns: ["a\\b"] });
  manager.addConstraint({ kind: "check", table: "wy", name: "a\nb", sql: "XB5{wa<T] tv" });
  manager.dropConstraint({ kind: "check", table: "wy", name: "a\nb", sql: "XB5{wa<T] tv" });
  manager.addConstraint({ kind: "check", table: "wy", name: "v", sql: "k?IQ!JC[n(" });
  manager.dropConstraint({ kind: "check", table: "wy", name: "v", sql: "k?IQ!JC[n(" });
  manager.addConstraint({ kind: "check", table: "wy", name: "⯕𘫹ⵝᒖ𐖎ﾴ", sql: "|gOJ}*#Ji" });
  manager.dropConstraint({ kind: "check", table: "wy", name: "⯕𘫹ⵝᒖ𐖎ﾴ", sql: "|gOJ}*#Ji" });

  manager.rebuildTable({
    from: {
      name: "wy",
      className: "znbw",
      primaryKey: ["a\\b"],
      columns: [
        {
          name: "yuewnzn",
          type: "bigint",
          nullable: true,
          default: { kind: "value", value: "-9223372036854775789" },
        },
        { name: "a\\b", type: "smallint" },
      ],
      uniques: [
        { name: "a\\b", columns: ["yuewnzn"] },
        { name: "engtef🦑ꤏva", columns: ["a\\b"] },
        { name: "ᒜ❅𐹧🍟𐧓Ｇ𑇣", columns: ["a\\b"] },
      ],
      checks: [
        { name: "a\nb", sql: "XB5{wa<T] tv" },
        { name: "v", sql: "k?IQ!JC[n(" },
        { name: "⯕𘫹ⵝᒖ𐖎ﾴ", sql: "|gOJ}*#Ji" },
      ],
    },
    to: {
      name: "wy",
      className: "znbw",
      primaryKey: ["yuewnzn"],
      columns: [
        {
          name: "yuewnzn",
          type: "bigint",
          nullable: true,
          default: { kind: "value", value: "-9223372036854775789" },
        },
      ],
      uniques: [{ name: "a\\b", columns: ["yuewnzn"] }],
    },
    columnMap: { yuewnzn: "yuewnzn" },
  });

  manager.dropTable({
    name: "wy",
    className: "znbw",
    primaryKey: ["a\\b"],
    columns: [
      {
        name: "yuewnzn",
        type: "bigint",
        nullable: true,
        default: { kind: "value", value: "-9223372036854775789" },
      },
      { name: "a\\b", type: "smallint" },
    ],
    uniques: [
      { name: "a\\b", columns: ["yuewnzn"] },
      { name: "engtef🦑ꤏva", columns: ["a\\b"] },
      { name: "ᒜ❅𐹧🍟𐧓Ｇ𑇣", columns: ["a\\b"] },
    ],
    checks: [
      { name: "a\nb", sql: "XB5{wa<T] tv" },
      { name: "v", sql: "k?IQ!JC[n(" },
      { name: "⯕𘫹ⵝᒖ𐖎ﾴ", sql: "|gOJ}*#Ji" },
    ],
  });

  return manager;
}
