import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:05:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 5.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "yrhys0x",
    className: "anko46kl5",
    primaryKey: ["o9lr"],
    columns: [{ name: "o9lr", type: "bigint", default: { kind: "value", value: 4 } }],
    indexes: [{ name: "uzlt", columns: ["o9lr"], method: "hash" }],
    checks: [
      { name: "dvsbwzvk5x", sql: "sVpz{.4r" },
      { name: "etxkcr3t", sql: "][\"8e^i3F" },
      { name: "s7qqz4c", sql: "1[,`]DAI|yn." },
    ],
  });

  manager.addTable({
    name: "zw84mt4",
    className: "a\nb",
    primaryKey: ["😀"],
    columns: [
      {
        name: "😀",
        type: "jsonb",
        default: {
          kind: "value",
          value: [
            3.149537249378005e+38,
            -4.5915388046750677e-153,
            null,
            null,
            false,
            1.1189822632321866e-26,
            -5.289428919158619e-295,
            null,
            null,
            -3.3822946198024174e+307,
          ],
        },
      },
      { name: "nd", type: "bigserial" },
      { name: "u7", type: "text", nullable: true, default: { kind: "sql", sql: "\\yr&&" } },
    ],
    checks: [{ name: "日本", sql: "B`GWh`=$WX" }],
    foreignKeys: [
      {
        name: "😀",
        columns: ["u7", "😀"],
        references: { table: "zw84mt4", columns: ["u7", "nd"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.addTable({
    name: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    className: "c0b_xh",
    primaryKey: ["𘧲⽱"],
    columns: [{ name: "𘧲⽱", type: "doublePrecision", default: { kind: "sql", sql: "|$@G" } }],
    uniques: [
      { name: "e5tl", columns: ["𘧲⽱"] },
      { name: "日本", columns: ["𘧲⽱"] },
      { name: "ꋬ𑂝", columns: ["𘧲⽱"] },
    ],
    checks: [
      { name: "jpluty", sql: "y&/" },
      { name: "qibqtpsi5td", sql: "GahLk" },
      { name: "tfywy8dpf", sql: "O\\*|qo'u((X|" },
    ],
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "k6ccoj",
    columns: ["u7"],
    references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
    onDelete: "set default",
    onUpdate: "set null",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "zw84mt4",
    name: "日本",
    columns: ["nd"],
    references: { table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗", columns: ["𘧲⽱"] },
    onDelete: "no action",
    onUpdate: "restrict",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "⦡ℨᎊ𘠏",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "set null",
    onUpdate: "set default",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "日本",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "cascade",
    onUpdate: "set null",
    online: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "🔙ᱮ🢑╨ᵐ༴𝖌🞗",
    name: "𓃮ꀐ𝤥Ḫ𖥲𝠰⺎瘐",
    columns: ["𘧲⽱"],
    references: { table: "zw84mt4", columns: ["u7"] },
    onDelete: "set null",
    onUpdate: "set null",
    online: true,
  });

  return manager;
}
