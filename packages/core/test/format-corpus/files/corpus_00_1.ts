import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:00:000001";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 0.1";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "tht",
    className: "qq5ncpog",
    primaryKey: ["daa"],
    columns: [
      { name: "u37h7a_pw", type: "bigint", default: { kind: "value", value: -5 } },
      { name: "daa", type: "bigserial" },
      { name: "sv4yh", type: "real" },
    ],
    foreignKeys: [
      {
        name: "pil",
        columns: ["daa", "sv4yh"],
        references: { table: "tht", columns: ["u37h7a_pw", "daa"] },
        onDelete: "set default",
        onUpdate: "cascade",
      },
    ],
  });

  manager.addTable({
    name: "pdmwb2",
    className: "e93xi3bp39j",
    primaryKey: ["ewk"],
    columns: [{ name: "ewk", type: "uuid" }],
    uniques: [{ name: "yfr", columns: ["ewk"] }],
    checks: [
      { name: "ionstrc", sql: "{" },
      { name: "sob", sql: "{+#}" },
    ],
    foreignKeys: [
      {
        name: "dcf13n5sl8",
        columns: ["ewk"],
        references: { table: "pdmwb2", columns: ["ewk"] },
        onDelete: "cascade",
        onUpdate: "set default",
      },
      {
        name: "f",
        columns: ["ewk"],
        references: { table: "pdmwb2", columns: ["ewk"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
      {
        name: "k3r_zrd6t",
        columns: ["ewk"],
        references: { table: "tht", columns: ["u37h7a_pw"] },
        onDelete: "restrict",
        onUpdate: "no action",
      },
    ],
  });

  return manager;
}
