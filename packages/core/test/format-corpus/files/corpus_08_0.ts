import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:08:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 8.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "o_by4xnxwd",
    className: "😀",
    primaryKey: ["v"],
    columns: [
      { name: "a\nb", type: "real", nullable: true, default: { kind: "sql", sql: "Cmq'#28{" } },
      { name: "ad6yv", type: "bigint", nullable: true },
      { name: "🌮ϸ", type: "text", nullable: true, default: { kind: "sql", sql: "rI{7Z;yIlNi" } },
      {
        name: "lex",
        type: "json",
        default: {
          kind: "value",
          value: {
            "": "D",
            "!hz<A?3<~": null,
            "1C;{": "=l:z'K|G{",
            "7L?z": "|&",
            "[ixh0": null,
            "c&U@M!faZ": 7.289938819257992e+61,
            "eNB6(}b": null,
            "qH]x;mrH": "r",
            "{m": null,
            "~sh": 2.577328376419839e+102,
          },
        },
      },
      {
        name: "v",
        type: "doublePrecision",
        default: { kind: "value", value: 3.8692025705534963e-10 },
      },
      { name: "${x}", type: "date", nullable: true },
    ],
    indexes: [{ name: "☡", columns: ["🌮ϸ", "v"], method: "hash" }],
    uniques: [
      { name: "ü", columns: ["lex"] },
      { name: "😀", columns: ["🌮ϸ"] },
    ],
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["🌮ϸ", "v"],
        references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
        onDelete: "cascade",
        onUpdate: "restrict",
      },
      {
        name: "ü",
        columns: ["a\nb", "🌮ϸ"],
        references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
        onDelete: "set default",
        onUpdate: "set null",
      },
      {
        name: "ﵚ⪅Ἓ𖹖⾛Ԭꄞ🌡𘫍𝤚ピ",
        columns: ["a\nb", "${x}"],
        references: { table: "o_by4xnxwd", columns: ["ad6yv", "a\nb"] },
        onDelete: "no action",
        onUpdate: "set null",
      },
    ],
  });

  manager.renameTable({ from: "o_by4xnxwd", to: "o_by4xnxwd_renamed" });

  manager.addColumn({
    table: "o_by4xnxwd",
    name: "a\nb",
    type: "real",
    nullable: true,
    default: { kind: "sql", sql: "Cmq'#28{" },
  });

  manager.dropColumn({
    table: "o_by4xnxwd",
    name: "a\nb",
    type: "real",
    nullable: true,
    default: { kind: "sql", sql: "Cmq'#28{" },
  });

  manager.renameColumn({ table: "o_by4xnxwd", from: "a\nb", to: "a\nb2" });

  manager.alterColumn({
    table: "o_by4xnxwd",
    name: "a\nb",
    from: { type: "real", nullable: true, default: { kind: "sql", sql: "Cmq'#28{" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({ table: "o_by4xnxwd", name: "ad6yv", type: "bigint", nullable: true });
  manager.dropColumn({ table: "o_by4xnxwd", name: "ad6yv", type: "bigint", nullable: true });
  manager.renameColumn({ table: "o_by4xnxwd", from: "ad6yv", to: "ad6yv2" });

  manager.alterColumn({
    table: "o_by4xnxwd",
    name: "ad6yv",
    from: { type: "bigint", nullable: true },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "o_by4xnxwd",
    name: "🌮ϸ",
    type: "text",
    nullable: true,
    default: { kind: "sql", sql: "rI{7Z;yIlNi" },
  });

  manager.dropColumn({
    table: "o_by4xnxwd",
    name: "🌮ϸ",
    type: "text",
    nullable: true,
    default: { kind: "sql", sql: "rI{7Z;yIlNi" },
  });

  manager.renameColumn({ table: "o_by4xnxwd", from: "🌮ϸ", to: "🌮ϸ2" });

  manager.alterColumn({
    table: "o_by4xnxwd",
    name: "🌮ϸ",
    from: { type: "text", nullable: true, default: { kind: "sql", sql: "rI{7Z;yIlNi" } },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "o_by4xnxwd",
    name: "lex",
    type: "json",
    default: {
      kind: "value",
      value: {
        "": "D",
        "!hz<A?3<~": null,
        "1C;{": "=l:z'K|G{",
        "7L?z": "|&",
        "[ixh0": null,
        "c&U@M!faZ": 7.289938819257992e+61,
        "eNB6(}b": null,
        "qH]x;mrH": "r",
        "{m": null,
        "~sh": 2.577328376419839e+102,
      },
    },
  });

  manager.dropColumn({
    table: "o_by4xnxwd",
    name: "lex",
    type: "json",
    default: {
      kind: "value",
      value: {
        "": "D",
        "!hz<A?3<~": null,
        "1C;{": "=l:z'K|G{",
        "7L?z": "|&",
        "[ixh0": null,
        "c&U@M!faZ": 7.289938819257992e+61,
        "eNB6(}b": null,
        "qH]x;mrH": "r",
        "{m": null,
        "~sh": 2.577328376419839e+102,
      },
    },
  });

  manager.renameColumn({ table: "o_by4xnxwd", from: "lex", to: "lex2" });

  manager.alterColumn({
    table: "o_by4xnxwd",
    name: "lex",
    from: {
      type: "json",
      default: {
        kind: "value",
        value: {
          "": "D",
          "!hz<A?3<~": null,
          "1C;{": "=l:z'K|G{",
          "7L?z": "|&",
          "[ixh0": null,
          "c&U@M!faZ": 7.289938819257992e+61,
          "eNB6(}b": null,
          "qH]x;mrH": "r",
          "{m": null,
          "~sh": 2.577328376419839e+102,
        },
      },
    },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({
    table: "o_by4xnxwd",
    name: "v",
    type: "doublePrecision",
    default: { kind: "value", value: 3.8692025705534963e-10 },
  });

  manager.dropColumn({
    table: "o_by4xnxwd",
    name: "v",
    type: "doublePrecision",
    default: { kind: "value", value: 3.8692025705534963e-10 },
  });

  manager.renameColumn({ table: "o_by4xnxwd", from: "v", to: "v2" });

  manager.alterColumn({
    table: "o_by4xnxwd",
    name: "v",
    from: { type: "doublePrecision", default: { kind: "value", value: 3.8692025705534963e-10 } },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
  });

  manager.addColumn({ table: "o_by4xnxwd", name: "${x}", type: "date", nullable: true });
  manager.dropColumn({ table: "o_by4xnxwd", name: "${x}", type: "date", nullable: true });
  manager.renameColumn({ table: "o_by4xnxwd", from: "${x}", to: "${x}2" });

  manager.alterColumn({
    table: "o_by4xnxwd",
    name: "${x}",
    from: { type: "date", nullable: true },
    to: { type: "text", default: { kind: "value", value: "x" } },
  });

  manager.addIndex({ table: "o_by4xnxwd", name: "☡", columns: ["🌮ϸ", "v"], method: "hash" });
  manager.dropIndex({ table: "o_by4xnxwd", name: "☡", columns: ["🌮ϸ", "v"], method: "hash" });
  manager.addConstraint({ kind: "unique", table: "o_by4xnxwd", name: "ü", columns: ["lex"] });
  manager.dropConstraint({ kind: "unique", table: "o_by4xnxwd", name: "ü", columns: ["lex"] });
  manager.addConstraint({ kind: "unique", table: "o_by4xnxwd", name: "😀", columns: ["🌮ϸ"] });
  manager.dropConstraint({ kind: "unique", table: "o_by4xnxwd", name: "😀", columns: ["🌮ϸ"] });

  manager.addConstraint({
    kind: "foreign_key",
    table: "o_by4xnxwd",
    name: "a\nb",
    columns: ["🌮ϸ", "v"],
    references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
    onDelete: "cascade",
    onUpdate: "restrict",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "o_by4xnxwd",
    name: "a\nb",
    columns: ["🌮ϸ", "v"],
    references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
    onDelete: "cascade",
    onUpdate: "restrict",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "o_by4xnxwd",
    name: "ü",
    columns: ["a\nb", "🌮ϸ"],
    references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
    onDelete: "set default",
    onUpdate: "set null",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "o_by4xnxwd",
    name: "ü",
    columns: ["a\nb", "🌮ϸ"],
    references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
    onDelete: "set default",
    onUpdate: "set null",
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "o_by4xnxwd",
    name: "ﵚ⪅Ἓ𖹖⾛Ԭꄞ🌡𘫍𝤚ピ",
    columns: ["a\nb", "${x}"],
    references: { table: "o_by4xnxwd", columns: ["ad6yv", "a\nb"] },
    onDelete: "no action",
    onUpdate: "set null",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "o_by4xnxwd",
    name: "ﵚ⪅Ἓ𖹖⾛Ԭꄞ🌡𘫍𝤚ピ",
    columns: ["a\nb", "${x}"],
    references: { table: "o_by4xnxwd", columns: ["ad6yv", "a\nb"] },
    onDelete: "no action",
    onUpdate: "set null",
  });

  manager.rebuildTable({
    from: {
      name: "o_by4xnxwd",
      className: "😀",
      primaryKey: ["v"],
      columns: [
        { name: "a\nb", type: "real", nullable: true, default: { kind: "sql", sql: "Cmq'#28{" } },
        { name: "ad6yv", type: "bigint", nullable: true },
        { name: "🌮ϸ", type: "text", nullable: true, default: { kind: "sql", sql: "rI{7Z;yIlNi" } },
        {
          name: "lex",
          type: "json",
          default: {
            kind: "value",
            value: {
              "": "D",
              "!hz<A?3<~": null,
              "1C;{": "=l:z'K|G{",
              "7L?z": "|&",
              "[ixh0": null,
              "c&U@M!faZ": 7.289938819257992e+61,
              "eNB6(}b": null,
              "qH]x;mrH": "r",
              "{m": null,
              "~sh": 2.577328376419839e+102,
            },
          },
        },
        {
          name: "v",
          type: "doublePrecision",
          default: { kind: "value", value: 3.8692025705534963e-10 },
        },
        { name: "${x}", type: "date", nullable: true },
      ],
      indexes: [{ name: "☡", columns: ["🌮ϸ", "v"], method: "hash" }],
      uniques: [
        { name: "ü", columns: ["lex"] },
        { name: "😀", columns: ["🌮ϸ"] },
      ],
      foreignKeys: [
        {
          name: "a\nb",
          columns: ["🌮ϸ", "v"],
          references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
          onDelete: "cascade",
          onUpdate: "restrict",
        },
        {
          name: "ü",
          columns: ["a\nb", "🌮ϸ"],
          references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
          onDelete: "set default",
          onUpdate: "set null",
        },
        {
          name: "ﵚ⪅Ἓ𖹖⾛Ԭꄞ🌡𘫍𝤚ピ",
          columns: ["a\nb", "${x}"],
          references: { table: "o_by4xnxwd", columns: ["ad6yv", "a\nb"] },
          onDelete: "no action",
          onUpdate: "set null",
        },
      ],
    },
    to: {
      name: "o_by4xnxwd",
      className: "😀",
      primaryKey: ["v"],
      columns: [
        { name: "a\nb", type: "real", nullable: true, default: { kind: "sql", sql: "Cmq'#28{" } },
        { name: "ad6yv", type: "bigint", nullable: true },
        { name: "🌮ϸ", type: "text", nullable: true, default: { kind: "sql", sql: "rI{7Z;yIlNi" } },
        {
          name: "lex",
          type: "json",
          default: {
            kind: "value",
            value: {
              "": "D",
              "!hz<A?3<~": null,
              "1C;{": "=l:z'K|G{",
              "7L?z": "|&",
              "[ixh0": null,
              "c&U@M!faZ": 7.289938819257992e+61,
              "eNB6(}b": null,
              "qH]x;mrH": "r",
              "{m": null,
              "~sh": 2.577328376419839e+102,
            },
          },
        },
        {
          name: "v",
          type: "doublePrecision",
          default: { kind: "value", value: 3.8692025705534963e-10 },
        },
      ],
      indexes: [{ name: "☡", columns: ["🌮ϸ", "v"], method: "hash" }],
      uniques: [
        { name: "ü", columns: ["lex"] },
        { name: "😀", columns: ["🌮ϸ"] },
      ],
      foreignKeys: [
        {
          name: "a\nb",
          columns: ["🌮ϸ", "v"],
          references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
          onDelete: "cascade",
          onUpdate: "restrict",
        },
        {
          name: "ü",
          columns: ["a\nb", "🌮ϸ"],
          references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
          onDelete: "set default",
          onUpdate: "set null",
        },
      ],
    },
    columnMap: { "a\nb": "a\nb", ad6yv: "ad6yv", "🌮ϸ": "🌮ϸ", lex: "lex", v: "v" },
  });

  manager.dropTable({
    name: "o_by4xnxwd",
    className: "😀",
    primaryKey: ["v"],
    columns: [
      { name: "a\nb", type: "real", nullable: true, default: { kind: "sql", sql: "Cmq'#28{" } },
      { name: "ad6yv", type: "bigint", nullable: true },
      { name: "🌮ϸ", type: "text", nullable: true, default: { kind: "sql", sql: "rI{7Z;yIlNi" } },
      {
        name: "lex",
        type: "json",
        default: {
          kind: "value",
          value: {
            "": "D",
            "!hz<A?3<~": null,
            "1C;{": "=l:z'K|G{",
            "7L?z": "|&",
            "[ixh0": null,
            "c&U@M!faZ": 7.289938819257992e+61,
            "eNB6(}b": null,
            "qH]x;mrH": "r",
            "{m": null,
            "~sh": 2.577328376419839e+102,
          },
        },
      },
      {
        name: "v",
        type: "doublePrecision",
        default: { kind: "value", value: 3.8692025705534963e-10 },
      },
      { name: "${x}", type: "date", nullable: true },
    ],
    indexes: [{ name: "☡", columns: ["🌮ϸ", "v"], method: "hash" }],
    uniques: [
      { name: "ü", columns: ["lex"] },
      { name: "😀", columns: ["🌮ϸ"] },
    ],
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["🌮ϸ", "v"],
        references: { table: "o_by4xnxwd", columns: ["ad6yv", "lex"] },
        onDelete: "cascade",
        onUpdate: "restrict",
      },
      {
        name: "ü",
        columns: ["a\nb", "🌮ϸ"],
        references: { table: "o_by4xnxwd", columns: ["${x}", "lex"] },
        onDelete: "set default",
        onUpdate: "set null",
      },
      {
        name: "ﵚ⪅Ἓ𖹖⾛Ԭꄞ🌡𘫍𝤚ピ",
        columns: ["a\nb", "${x}"],
        references: { table: "o_by4xnxwd", columns: ["ad6yv", "a\nb"] },
        onDelete: "no action",
        onUpdate: "set null",
      },
    ],
  });

  return manager;
}
