import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:07:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 7.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "gohev",
    className: "khfvd4pz",
    primaryKey: ["nfvnj6dvr", "h46b"],
    columns: [
      {
        name: "h46b",
        type: "timestamp",
        default: { kind: "value", value: "1970-01-01T00:00:00.030Z" },
      },
      { name: "p2x", type: "real", default: { kind: "value", value: -4.941703085999794e+166 } },
      { name: "nfvnj6dvr", type: "varchar", length: 251 },
    ],
    uniques: [
      { name: "a5ec7bdi7ci", columns: ["h46b", "nfvnj6dvr", "p2x"] },
      { name: "e8n11gj5zui", columns: ["p2x", "nfvnj6dvr"] },
      { name: "xq", columns: ["p2x", "h46b", "nfvnj6dvr"] },
    ],
    checks: [{ name: "jdgeix9", sql: "9!i~ q" }],
    foreignKeys: [
      {
        name: "q",
        columns: ["h46b", "p2x"],
        references: { table: "gohev", columns: ["p2x", "h46b"] },
        onDelete: "no action",
        onUpdate: "restrict",
      },
    ],
  });

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

  return manager;
}
