import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:03:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 3.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "𐅖㎐⅏⋿Ḣ⠉⣼",
    className: "c7",
    primaryKey: ["hmc"],
    columns: [{ name: "hmc", type: "time", default: { kind: "sql", sql: "2x " } }],
    uniques: [{ name: "😀", columns: ["hmc"] }],
    checks: [
      { name: "m9b69o0i3u", sql: "<e$QaPI_E" },
      { name: "Ò🞧", sql: "kCT(2O6" },
    ],
  });

  manager.renameTable({ from: "𐅖㎐⅏⋿Ḣ⠉⣼", to: "𐅖㎐⅏⋿Ḣ⠉⣼_renamed" });

  manager.addColumn({
    table: "𐅖㎐⅏⋿Ḣ⠉⣼",
    name: "hmc",
    type: "time",
    default: { kind: "sql", sql: "2x " },
    backfill: 0,
  });

  manager.dropColumn({
    table: "𐅖㎐⅏⋿Ḣ⠉⣼",
    name: "hmc",
    type: "time",
    default: { kind: "sql", sql: "2x " },
  });

  manager.renameColumn({ table: "𐅖㎐⅏⋿Ḣ⠉⣼", from: "hmc", to: "hmc2" });

  manager.alterColumn({
    table: "𐅖㎐⅏⋿Ḣ⠉⣼",
    name: "hmc",
    from: { type: "time", default: { kind: "sql", sql: "2x " } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
    allowRebuild: true,
  });

  manager.addConstraint({ kind: "unique", table: "𐅖㎐⅏⋿Ḣ⠉⣼", name: "😀", columns: ["hmc"] });
  manager.dropConstraint({ kind: "unique", table: "𐅖㎐⅏⋿Ḣ⠉⣼", name: "😀", columns: ["hmc"] });

  manager.addConstraint({
    kind: "check",
    table: "𐅖㎐⅏⋿Ḣ⠉⣼",
    name: "m9b69o0i3u",
    sql: "<e$QaPI_E",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "check",
    table: "𐅖㎐⅏⋿Ḣ⠉⣼",
    name: "m9b69o0i3u",
    sql: "<e$QaPI_E",
  });

  manager.addConstraint({ kind: "check", table: "𐅖㎐⅏⋿Ḣ⠉⣼", name: "Ò🞧", sql: "kCT(2O6" });

  manager.dropConstraint({
    kind: "check",
    table: "𐅖㎐⅏⋿Ḣ⠉⣼",
    name: "Ò🞧",
    sql: "kCT(2O6",
    allowRebuild: true,
  });

  manager.dropTable({
    name: "𐅖㎐⅏⋿Ḣ⠉⣼",
    className: "c7",
    primaryKey: ["hmc"],
    columns: [{ name: "hmc", type: "time", default: { kind: "sql", sql: "2x " } }],
    uniques: [{ name: "😀", columns: ["hmc"] }],
    checks: [
      { name: "m9b69o0i3u", sql: "<e$QaPI_E" },
      { name: "Ò🞧", sql: "kCT(2O6" },
    ],
  });

  return manager;
}
