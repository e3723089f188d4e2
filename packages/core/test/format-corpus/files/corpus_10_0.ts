import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:10:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 10.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "bsk",
    className: "༅ꉛ\"",
    primaryKey: ["a\"b", "callervalue"],
    columns: [
      { name: "callervalue", type: "json" },
      { name: "akyuo9jb1zg", type: "numeric", precision: 20, scale: 20 },
      { name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true },
      { name: "a\"b", type: "jsonb", default: { kind: "sql", sql: "ap-_?YY[!^\"L" } },
      { name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮", type: "json", default: { kind: "sql", sql: "+uTTS{.%E" } },
    ],
    indexes: [
      { name: "a\nb", columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"], method: "brin" },
      { name: "ᙖ𐚳🤙🨫𝗧րᐆ𐀽", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"], method: "gist" },
      { name: "ᲇ", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b", "callervalue"], method: "brin" },
    ],
    checks: [
      { name: "m1ju5", sql: "7hxo]#" },
      { name: "ü", sql: "AoanIyjMq" },
      { name: "𝌭ⷌ᭥⼬", sql: "XGF" },
    ],
    foreignKeys: [
      {
        name: "bjasrs5",
        columns: ["callervalue", "a\"b"],
        references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
        onDelete: "set default",
        onUpdate: "set default",
      },
      {
        name: "qvf3jt7qtle",
        columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
        references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  manager.renameTable({ from: "bsk", to: "bsk_renamed" });
  manager.addColumn({ table: "bsk", name: "callervalue", type: "json" });
  manager.dropColumn({ table: "bsk", name: "callervalue", type: "json" });
  manager.renameColumn({ table: "bsk", from: "callervalue", to: "callervalue2" });

  manager.alterColumn({
    table: "bsk",
    name: "callervalue",
    from: { type: "json" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "bsk",
    name: "akyuo9jb1zg",
    type: "numeric",
    precision: 20,
    scale: 20,
  });

  manager.dropColumn({
    table: "bsk",
    name: "akyuo9jb1zg",
    type: "numeric",
    precision: 20,
    scale: 20,
  });

  manager.renameColumn({ table: "bsk", from: "akyuo9jb1zg", to: "akyuo9jb1zg2" });

  manager.alterColumn({
    table: "bsk",
    name: "akyuo9jb1zg",
    from: { type: "numeric", precision: 20, scale: 20 },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({ table: "bsk", name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true });
  manager.dropColumn({ table: "bsk", name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true });
  manager.renameColumn({ table: "bsk", from: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", to: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ2" });

  manager.alterColumn({
    table: "bsk",
    name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ",
    from: { type: "serial", nullable: true },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "bsk",
    name: "a\"b",
    type: "jsonb",
    default: { kind: "sql", sql: "ap-_?YY[!^\"L" },
  });

  manager.dropColumn({
    table: "bsk",
    name: "a\"b",
    type: "jsonb",
    default: { kind: "sql", sql: "ap-_?YY[!^\"L" },
  });

  manager.renameColumn({ table: "bsk", from: "a\"b", to: "a\"b2" });

  manager.alterColumn({
    table: "bsk",
    name: "a\"b",
    from: { type: "jsonb", default: { kind: "sql", sql: "ap-_?YY[!^\"L" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "bsk",
    name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮",
    type: "json",
    default: { kind: "sql", sql: "+uTTS{.%E" },
  });

  manager.dropColumn({
    table: "bsk",
    name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮",
    type: "json",
    default: { kind: "sql", sql: "+uTTS{.%E" },
  });

  manager.renameColumn({ table: "bsk", from: "𝆹𝅥𝅯㊵𝅘𝅥𝅮", to: "𝆹𝅥𝅯㊵𝅘𝅥𝅮2" });

  manager.alterColumn({
    table: "bsk",
    name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮",
    from: { type: "json", default: { kind: "sql", sql: "+uTTS{.%E" } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addIndex({
    table: "bsk",
    name: "a\nb",
    columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"],
    method: "brin",
  });

  manager.dropIndex({
    table: "bsk",
    name: "a\nb",
    columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"],
    method: "brin",
  });

  manager.addIndex({
    table: "bsk",
    name: "ᙖ𐚳🤙🨫𝗧րᐆ𐀽",
    columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"],
    method: "gist",
  });

  manager.dropIndex({
    table: "bsk",
    name: "ᙖ𐚳🤙🨫𝗧րᐆ𐀽",
    columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"],
    method: "gist",
  });

  manager.addIndex({
    table: "bsk",
    name: "ᲇ",
    columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b", "callervalue"],
    method: "brin",
  });

  manager.dropIndex({
    table: "bsk",
    name: "ᲇ",
    columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b", "callervalue"],
    method: "brin",
  });

  manager.addConstraint({ kind: "check", table: "bsk", name: "m1ju5", sql: "7hxo]#" });
  manager.dropConstraint({ kind: "check", table: "bsk", name: "m1ju5", sql: "7hxo]#" });
  manager.addConstraint({ kind: "check", table: "bsk", name: "ü", sql: "AoanIyjMq" });
  manager.dropConstraint({ kind: "check", table: "bsk", name: "ü", sql: "AoanIyjMq" });
  manager.addConstraint({ kind: "check", table: "bsk", name: "𝌭ⷌ᭥⼬", sql: "XGF" });
  manager.dropConstraint({ kind: "check", table: "bsk", name: "𝌭ⷌ᭥⼬", sql: "XGF" });

  manager.addConstraint({
    kind: "foreign_key",
    table: "bsk",
    name: "bjasrs5",
    columns: ["callervalue", "a\"b"],
    references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
    onDelete: "set default",
    onUpdate: "set default",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "bsk",
    name: "bjasrs5",
    columns: ["callervalue", "a\"b"],
    references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
    onDelete: "set default",
    onUpdate: "set default",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "bsk",
    name: "qvf3jt7qtle",
    columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
    references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
    onDelete: "no action",
    onUpdate: "set default",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "bsk",
    name: "qvf3jt7qtle",
    columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
    references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
    onDelete: "no action",
    onUpdate: "set default",
  });

  manager.rebuildTable({
    from: {
      name: "bsk",
      className: "༅ꉛ\"",
      primaryKey: ["a\"b", "callervalue"],
      columns: [
        { name: "callervalue", type: "json" },
        { name: "akyuo9jb1zg", type: "numeric", precision: 20, scale: 20 },
        { name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true },
        { name: "a\"b", type: "jsonb", default: { kind: "sql", sql: "ap-_?YY[!^\"L" } },
        { name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮", type: "json", default: { kind: "sql", sql: "+uTTS{.%E" } },
      ],
      indexes: [
        { name: "a\nb", columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"], method: "brin" },
        { name: "ᙖ𐚳🤙🨫𝗧րᐆ𐀽", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"], method: "gist" },
        { name: "ᲇ", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b", "callervalue"], method: "brin" },
      ],
      checks: [
        { name: "m1ju5", sql: "7hxo]#" },
        { name: "ü", sql: "AoanIyjMq" },
        { name: "𝌭ⷌ᭥⼬", sql: "XGF" },
      ],
      foreignKeys: [
        {
          name: "bjasrs5",
          columns: ["callervalue", "a\"b"],
          references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
          onDelete: "set default",
          onUpdate: "set default",
        },
        {
          name: "qvf3jt7qtle",
          columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
          references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
          onDelete: "no action",
          onUpdate: "set default",
        },
      ],
    },
    to: {
      name: "bsk",
      className: "༅ꉛ\"",
      primaryKey: ["a\"b", "callervalue"],
      columns: [
        { name: "callervalue", type: "json" },
        { name: "akyuo9jb1zg", type: "numeric", precision: 20, scale: 20 },
        { name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true },
        { name: "a\"b", type: "jsonb", default: { kind: "sql", sql: "ap-_?YY[!^\"L" } },
      ],
      indexes: [{ name: "a\nb", columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"], method: "brin" }],
      foreignKeys: [
        {
          name: "bjasrs5",
          columns: ["callervalue", "a\"b"],
          references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
          onDelete: "set default",
          onUpdate: "set default",
        },
        {
          name: "qvf3jt7qtle",
          columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
          references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
          onDelete: "no action",
          onUpdate: "set default",
        },
      ],
    },
    columnMap: {
      callervalue: "callervalue",
      akyuo9jb1zg: "akyuo9jb1zg",
      "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ": "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ",
      "a\"b": "a\"b",
    },
  });

  manager.dropTable({
    name: "bsk",
    className: "༅ꉛ\"",
    primaryKey: ["a\"b", "callervalue"],
    columns: [
      { name: "callervalue", type: "json" },
      { name: "akyuo9jb1zg", type: "numeric", precision: 20, scale: 20 },
      { name: "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", type: "serial", nullable: true },
      { name: "a\"b", type: "jsonb", default: { kind: "sql", sql: "ap-_?YY[!^\"L" } },
      { name: "𝆹𝅥𝅯㊵𝅘𝅥𝅮", type: "json", default: { kind: "sql", sql: "+uTTS{.%E" } },
    ],
    indexes: [
      { name: "a\nb", columns: ["𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ", "a\"b"], method: "brin" },
      { name: "ᙖ𐚳🤙🨫𝗧րᐆ𐀽", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"], method: "gist" },
      { name: "ᲇ", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b", "callervalue"], method: "brin" },
    ],
    checks: [
      { name: "m1ju5", sql: "7hxo]#" },
      { name: "ü", sql: "AoanIyjMq" },
      { name: "𝌭ⷌ᭥⼬", sql: "XGF" },
    ],
    foreignKeys: [
      {
        name: "bjasrs5",
        columns: ["callervalue", "a\"b"],
        references: { table: "bsk", columns: ["𝆹𝅥𝅯㊵𝅘𝅥𝅮", "a\"b"] },
        onDelete: "set default",
        onUpdate: "set default",
      },
      {
        name: "qvf3jt7qtle",
        columns: ["a\"b", "𖪅&𐋦ľ𒑳ῄ✐𖠎ᙬǴﾡᘺ"],
        references: { table: "bsk", columns: ["a\"b", "𝆹𝅥𝅯㊵𝅘𝅥𝅮"] },
        onDelete: "no action",
        onUpdate: "set default",
      },
    ],
  });

  return manager;
}
