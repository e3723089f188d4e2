import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:11:000003";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 11.3";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "hsdbngl0o",
    className: "no7lihqd",
    primaryKey: ["x64lq4tk5kx"],
    columns: [
      { name: "x64lq4tk5kx", type: "uuid" },
      { name: "gqa7uic", type: "varchar", length: 72 },
      { name: "lvm", type: "bigint", default: { kind: "value", value: -311606429 } },
    ],
    indexes: [
      { name: "cxhb_qm0_", columns: ["x64lq4tk5kx"], method: "hash" },
      { name: "le624_p6r8", columns: ["lvm", "x64lq4tk5kx"], method: "gist" },
      { name: "xcf_b5rw", columns: ["gqa7uic"], method: "brin" },
    ],
    checks: [{ name: "u", sql: "l&O3" }],
  });

  manager.dropTable({
    name: "rarhn8a3ua",
    className: "cf82_50",
    primaryKey: ["o"],
    columns: [
      { name: "o", type: "json" },
      { name: "wty", type: "bigint" },
      {
        name: "se6xih26w8o",
        type: "real",
        default: { kind: "value", value: -5.227679073710842e+24 },
      },
      { name: "i", type: "date", nullable: true, default: { kind: "value", value: "2080-11-26" } },
      { name: "n2p10r85", type: "smallint" },
    ],
    indexes: [{ name: "ak68wxlw2xf", columns: ["o", "wty"], method: "hash" }],
    uniques: [
      { name: "m", columns: ["se6xih26w8o"] },
      { name: "ugn4k_yttrp", columns: ["i", "n2p10r85"] },
      { name: "zqc4", columns: ["i"] },
    ],
    checks: [
      { name: "hmbbole0k", sql: "-=^R" },
      { name: "kwo7_e", sql: ":me5BY#T" },
      { name: "mt81mq7fl8r", sql: "<nQs4GG2_i" },
    ],
    foreignKeys: [
      {
        name: "bxz8sal4r_",
        columns: ["se6xih26w8o", "wty"],
        references: { table: "hsdbngl0o", columns: ["x64lq4tk5kx", "lvm"] },
        onDelete: "set null",
        onUpdate: "restrict",
      },
    ],
  });

  manager.dropTable({
    name: "tc",
    className: "y",
    primaryKey: ["k4"],
    columns: [
      { name: "s60jz66582", type: "bigint", default: { kind: "sql", sql: ";{5K0E]fwz" } },
      { name: "wq704", type: "bigserial", nullable: true },
      { name: "oaedl", type: "varchar", length: 492, default: { kind: "value", value: "" } },
      { name: "k4", type: "bigserial" },
    ],
    indexes: [
      { name: "kif", columns: ["k4", "oaedl", "wq704"] },
      { name: "we", columns: ["s60jz66582", "wq704"], method: "gist" },
    ],
    uniques: [
      { name: "wkio3w9", columns: ["s60jz66582", "wq704"] },
      { name: "ybx3_pxsqxx", columns: ["oaedl"] },
    ],
    checks: [{ name: "w1bfvbsdhi", sql: "iiKWiL$4u/" }],
  });

  return manager;
}
