import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:03:000001";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 3.1";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "uejv",
    primaryKey: ["tumapplykey"],
    columns: [
      { name: "i4ksvf", type: "json", default: { kind: "sql", sql: "ht+<" } },
      { name: "tumapplykey", type: "uuid", default: { kind: "random" } },
      { name: "i", type: "smallint", nullable: true, default: { kind: "value", value: -32753 } },
      {
        name: "ftv6l53p05",
        type: "integer",
        nullable: true,
        default: { kind: "value", value: -2147483618 },
      },
    ],
    indexes: [
      { name: "otc", columns: ["i", "ftv6l53p05", "tumapplykey"], method: "gin" },
      { name: "qa0dpnkygb0", columns: ["tumapplykey", "ftv6l53p05"], method: "gist" },
      { name: "temaouksvp", columns: ["tumapplykey"], method: "brin" },
    ],
    uniques: [
      { name: "au556o9a", columns: ["ftv6l53p05"] },
      { name: "ypgwkl", columns: ["tumapplykey", "i", "i4ksvf"] },
    ],
    checks: [{ name: "e9_sts", sql: "m);" }],
  });

  manager.addTable({
    name: "z",
    className: "hrvwig28",
    primaryKey: ["q50", "ec"],
    columns: [
      { name: "q50", type: "serial" },
      { name: "ec", type: "doublePrecision" },
    ],
    indexes: [
      { name: "a", columns: ["q50", "ec"], method: "gist" },
      { name: "eddy5jn", columns: ["ec"], method: "hash" },
      { name: "p_", columns: ["ec"], method: "brin" },
    ],
    uniques: [
      { name: "e", columns: ["q50"] },
      { name: "oj", columns: ["q50"] },
    ],
    foreignKeys: [
      {
        name: "b64lf2",
        columns: ["q50", "ec"],
        references: { table: "z", columns: ["q50", "ec"] },
        onDelete: "no action",
        onUpdate: "no action",
      },
      {
        name: "v87qxf_9bn",
        columns: ["q50", "ec"],
        references: { table: "z", columns: ["ec", "q50"] },
        onDelete: "set default",
        onUpdate: "cascade",
      },
    ],
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uejv",
    name: "l",
    columns: ["tumapplykey", "ftv6l53p05"],
    references: { table: "z", columns: ["q50", "ec"] },
    onDelete: "set default",
    onUpdate: "set null",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uejv",
    name: "r0610g",
    columns: ["ftv6l53p05", "i4ksvf"],
    references: { table: "z", columns: ["ec", "q50"] },
    onDelete: "restrict",
    onUpdate: "set null",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "uejv",
    name: "vftyrzdw",
    columns: ["ftv6l53p05", "tumapplykey"],
    references: { table: "z", columns: ["ec", "q50"] },
    onDelete: "no action",
    onUpdate: "no action",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "z",
    name: "g3f51a",
    columns: ["q50", "ec"],
    references: { table: "uejv", columns: ["i", "i4ksvf"] },
    onDelete: "set null",
    onUpdate: "cascade",
  });

  return manager;
}
