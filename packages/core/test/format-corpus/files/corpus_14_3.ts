import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:14:000003";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 14.3";

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

  manager.dropTable({
    name: "km",
    className: "fxgcsp70",
    primaryKey: ["oi61rn12q"],
    columns: [
      { name: "rw5ue7km", type: "integer", default: { kind: "sql", sql: "&T[$" } },
      { name: "stq0sbu8", type: "varchar", length: 330, nullable: true },
      {
        name: "oi61rn12q",
        type: "doublePrecision",
        default: { kind: "value", value: -1.476556102117952e-54 },
      },
    ],
    uniques: [
      { name: "n__rowngt", columns: ["stq0sbu8", "rw5ue7km"] },
      { name: "u87gj", columns: ["rw5ue7km", "stq0sbu8"] },
      { name: "v8iyk502qj5", columns: ["oi61rn12q"] },
    ],
    checks: [{ name: "qpt", sql: "gJI%cG<$l#Vd" }],
  });

  manager.dropTable({
    name: "yzwk8zfdi",
    className: "j6xu",
    primaryKey: ["qpn"],
    columns: [
      { name: "qpn", type: "boolean", default: { kind: "sql", sql: "U" } },
      {
        name: "fwl2x_8bsu3",
        type: "integer",
        nullable: true,
        default: { kind: "sql", sql: "hUs=`46" },
      },
      { name: "iifpjsah", type: "timestamptz", nullable: true, default: { kind: "now" } },
      { name: "zjpq_j", type: "time", default: { kind: "value", value: "05:59:52" } },
      { name: "o9", type: "boolean", default: { kind: "value", value: false } },
      { name: "qm8yjj", type: "bigint" },
    ],
    uniques: [{ name: "d", columns: ["iifpjsah", "zjpq_j"] }],
    checks: [
      { name: "g_60x5lupl", sql: "VD!(]$Q9}p(E" },
      { name: "v1qx8yv1", sql: "Nq7Tj$TDgu1" },
    ],
  });

  manager.dropTable({
    name: "vtgkbs7yo3",
    className: "ctx3ldm4",
    primaryKey: ["g5e7u41t"],
    columns: [
      {
        name: "g5e7u41t",
        type: "doublePrecision",
        default: { kind: "value", value: 8.351164244054663e+181 },
      },
    ],
    indexes: [
      { name: "a9kx", columns: ["g5e7u41t"], method: "hash" },
      { name: "sdj4", columns: ["g5e7u41t"], method: "hash" },
      { name: "vfgjla", columns: ["g5e7u41t"], method: "brin" },
    ],
    uniques: [
      { name: "hl", columns: ["g5e7u41t"] },
      { name: "z8p76c2r", columns: ["g5e7u41t"] },
    ],
    checks: [{ name: "ddk08hs1", sql: "G@" }],
    foreignKeys: [
      {
        name: "pfo",
        columns: ["g5e7u41t"],
        references: { table: "vtgkbs7yo3", columns: ["g5e7u41t"] },
        onDelete: "no action",
        onUpdate: "restrict",
      },
      {
        name: "phpt0",
        columns: ["g5e7u41t"],
        references: { table: "yzwk8zfdi", columns: ["fwl2x_8bsu3"] },
        onDelete: "set null",
        onUpdate: "set default",
      },
    ],
  });

  return manager;
}
