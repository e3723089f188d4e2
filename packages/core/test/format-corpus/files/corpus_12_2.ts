import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:12:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 12.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "du",
    className: "v03bt66nr",
    primaryKey: ["yj"],
    columns: [
      { name: "yj", type: "json" },
      { name: "q", type: "uuid", nullable: true, default: { kind: "sql", sql: "E$-" } },
      { name: "n0q", type: "date", default: { kind: "now" } },
    ],
    indexes: [
      { name: "amdx", columns: ["yj", "q"], method: "hash" },
      { name: "ce1ars73xy5", columns: ["n0q", "yj"], method: "gist" },
      { name: "nt", columns: ["q"], method: "gist" },
    ],
    checks: [
      { name: "ns3dzoe", sql: ">PFbUld\"\\HP" },
      { name: "plc8xc34ihf", sql: "L" },
    ],
  });

  manager.addTable({
    name: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚",
    className: "zwez61uc",
    primaryKey: ["wj3i6nn"],
    columns: [
      { name: "a\\b", type: "doublePrecision" },
      {
        name: "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝",
        type: "bigint",
        default: { kind: "value", value: "692574177189714999" },
      },
      { name: "wj3i6nn", type: "smallint", default: { kind: "sql", sql: "rz&#" } },
    ],
    indexes: [{ name: "𛀃𑃛𘪎շ𐞠✙𐓢", columns: ["wj3i6nn", "a\\b"], method: "gist" }],
    uniques: [
      { name: "ᢐലἫᖰ🠈𐓛", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝", "wj3i6nn"] },
      { name: "𐿲🃰𑀍𐚂𘳇𑪼𓀿𝓬ꅪ", columns: ["wj3i6nn", "ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
    ],
    checks: [
      { name: "tnq_e9v8", sql: "dvmH" },
      { name: "𔕝𑴏𑶡⾴𔓘Ƶꉋ㉳𝤱𞠉𑋔ᴗ", sql: "PKH\\" },
      { name: "🢭𞅈", sql: "@JzuE" },
    ],
  });

  manager.addTable({
    name: "fc5ms2",
    className: "rin",
    primaryKey: ["a\nb"],
    columns: [{ name: "a\nb", type: "serial" }],
    indexes: [{ name: "ü", columns: ["a\nb"], method: "brin" }],
    uniques: [
      { name: "epk940a", columns: ["a\nb"] },
      { name: "hhp2q6632q", columns: ["a\nb"] },
      { name: "tkitejq5_a", columns: ["a\nb"] },
    ],
    foreignKeys: [
      {
        name: "me9h9jyvy",
        columns: ["a\nb"],
        references: { table: "ꀷ𝙂σ𝒰⋡𛊣ᐅ൱𐰲㏚", columns: ["ἁ൩Ɲ𞤋꣼もꪑ🚽𓅝"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  return manager;
}
