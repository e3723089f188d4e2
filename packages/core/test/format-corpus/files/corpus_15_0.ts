import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:15:000000";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 15.0";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "😀",
    className: "🛂𑋃ӜừǛᗅȤ⩊",
    primaryKey: ["p9r__protoo"],
    columns: [
      {
        name: "〠📇𓀳𒈴𒇓┠",
        type: "numeric",
        precision: 5,
        scale: 2,
        nullable: true,
        default: { kind: "value", value: "-812.26" },
      },
      { name: "p9r__protoo", type: "json" },
      {
        name: "l",
        type: "timestamp",
        default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
      },
      { name: "z", type: "text", default: { kind: "sql", sql: "N|ot6" } },
      {
        name: "a\"b",
        type: "uuid",
        nullable: true,
        default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
      },
      {
        name: "✃Ἢꂜ📕В𞠟ꑻ",
        type: "json",
        nullable: true,
        default: {
          kind: "value",
          value: {
            "": -4.4e-323,
            "$.": "}0> [10",
            ".f-W[^lmI": "w",
            "2|yV(": true,
            "4[": null,
            "A+4C+?gS@h": 2.5e-323,
            Evj: true,
            "W$?|Uy|Tq": null,
            d: true,
            "thL{+-": -7.723340861196459e-13,
          },
        },
      },
    ],
    indexes: [{ name: "ktb2l2kt", columns: ["z"], method: "gist" }],
    checks: [
      { name: "a\\b", sql: "/9M" },
      { name: "ü", sql: "?dA$PV1hT'" },
      { name: "𑉀ة", sql: "7::" },
    ],
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["z", "a\"b"],
        references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
      {
        name: "ᾏ𑼇༄ﱜ",
        columns: ["p9r__protoo", "a\"b"],
        references: { table: "😀", columns: ["z", "a\"b"] },
        onDelete: "set null",
        onUpdate: "cascade",
      },
      {
        name: "𒀮🅟𞄜𐁝",
        columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
        references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
    ],
  });

  manager.renameTable({ from: "😀", to: "😀_renamed" });

  manager.addColumn({
    table: "😀",
    name: "〠📇𓀳𒈴𒇓┠",
    type: "numeric",
    precision: 5,
    scale: 2,
    nullable: true,
    default: { kind: "value", value: "-812.26" },
    backfill: null,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "😀",
    name: "〠📇𓀳𒈴𒇓┠",
    type: "numeric",
    precision: 5,
    scale: 2,
    nullable: true,
    default: { kind: "value", value: "-812.26" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "😀", from: "〠📇𓀳𒈴𒇓┠", to: "〠📇𓀳𒈴𒇓┠2" });

  manager.alterColumn({
    table: "😀",
    name: "〠📇𓀳𒈴𒇓┠",
    from: {
      type: "numeric",
      precision: 5,
      scale: 2,
      nullable: true,
      default: { kind: "value", value: "-812.26" },
    },
    to: { type: "text", default: { kind: "value", value: "x" } },
    allowRebuild: true,
  });

  manager.addColumn({ table: "😀", name: "p9r__protoo", type: "json", backfill: 0 });
  manager.dropColumn({ table: "😀", name: "p9r__protoo", type: "json" });
  manager.renameColumn({ table: "😀", from: "p9r__protoo", to: "p9r__protoo2" });

  manager.alterColumn({
    table: "😀",
    name: "p9r__protoo",
    from: { type: "json" },
    to: { type: "text", nullable: true, default: { kind: "value", value: "x" } },
    lossy: true,
  });

  manager.addColumn({
    table: "😀",
    name: "l",
    type: "timestamp",
    default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
    backfill: 0,
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "😀",
    name: "l",
    type: "timestamp",
    default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
  });

  manager.renameColumn({ table: "😀", from: "l", to: "l2" });

  manager.alterColumn({
    table: "😀",
    name: "l",
    from: { type: "timestamp", default: { kind: "value", value: "1969-12-31T23:59:59.963Z" } },
    to: { type: "text", nullable: true },
  });

  manager.addColumn({
    table: "😀",
    name: "z",
    type: "text",
    default: { kind: "sql", sql: "N|ot6" },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "😀",
    name: "z",
    type: "text",
    default: { kind: "sql", sql: "N|ot6" },
    allowRebuild: true,
  });

  manager.renameColumn({ table: "😀", from: "z", to: "z2" });

  manager.alterColumn({
    table: "😀",
    name: "z",
    from: { type: "text", default: { kind: "sql", sql: "N|ot6" } },
    to: { type: "text", nullable: true },
    allowRebuild: true,
  });

  manager.addColumn({
    table: "😀",
    name: "a\"b",
    type: "uuid",
    nullable: true,
    default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
    backfill: null,
  });

  manager.dropColumn({
    table: "😀",
    name: "a\"b",
    type: "uuid",
    nullable: true,
    default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
  });

  manager.renameColumn({ table: "😀", from: "a\"b", to: "a\"b2" });

  manager.alterColumn({
    table: "😀",
    name: "a\"b",
    from: {
      type: "uuid",
      nullable: true,
      default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
    },
    to: { type: "text" },
    backfill: "b",
  });

  manager.addColumn({
    table: "😀",
    name: "✃Ἢꂜ📕В𞠟ꑻ",
    type: "json",
    nullable: true,
    default: {
      kind: "value",
      value: {
        "": -4.4e-323,
        "$.": "}0> [10",
        ".f-W[^lmI": "w",
        "2|yV(": true,
        "4[": null,
        "A+4C+?gS@h": 2.5e-323,
        Evj: true,
        "W$?|Uy|Tq": null,
        d: true,
        "thL{+-": -7.723340861196459e-13,
      },
    },
    allowRebuild: true,
  });

  manager.dropColumn({
    table: "😀",
    name: "✃Ἢꂜ📕В𞠟ꑻ",
    type: "json",
    nullable: true,
    default: {
      kind: "value",
      value: {
        "": -4.4e-323,
        "$.": "}0> [10",
        ".f-W[^lmI": "w",
        "2|yV(": true,
        "4[": null,
        "A+4C+?gS@h": 2.5e-323,
        Evj: true,
        "W$?|Uy|Tq": null,
        d: true,
        "thL{+-": -7.723340861196459e-13,
      },
    },
  });

  manager.renameColumn({ table: "😀", from: "✃Ἢꂜ📕В𞠟ꑻ", to: "✃Ἢꂜ📕В𞠟ꑻ2" });

  manager.alterColumn({
    table: "😀",
    name: "✃Ἢꂜ📕В𞠟ꑻ",
    from: {
      type: "json",
      nullable: true,
      default: {
        kind: "value",
        value: {
          "": -4.4e-323,
          "$.": "}0> [10",
          ".f-W[^lmI": "w",
          "2|yV(": true,
          "4[": null,
          "A+4C+?gS@h": 2.5e-323,
          Evj: true,
          "W$?|Uy|Tq": null,
          d: true,
          "thL{+-": -7.723340861196459e-13,
        },
      },
    },
    to: { type: "text", default: { kind: "value", value: "x" } },
    backfill: "b",
  });

  manager.addIndex({
    table: "😀",
    name: "ktb2l2kt",
    columns: ["z"],
    method: "gist",
    allowRebuild: true,
  });

  manager.dropIndex({
    table: "😀",
    name: "ktb2l2kt",
    columns: ["z"],
    method: "gist",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "check",
    table: "😀",
    name: "a\\b",
    sql: "/9M",
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "check", table: "😀", name: "a\\b", sql: "/9M" });
  manager.addConstraint({ kind: "check", table: "😀", name: "ü", sql: "?dA$PV1hT'" });
  manager.dropConstraint({ kind: "check", table: "😀", name: "ü", sql: "?dA$PV1hT'" });

  manager.addConstraint({
    kind: "check",
    table: "😀",
    name: "𑉀ة",
    sql: "7::",
    allowRebuild: true,
  });

  manager.dropConstraint({ kind: "check", table: "😀", name: "𑉀ة", sql: "7::" });

  manager.addConstraint({
    kind: "foreign_key",
    table: "😀",
    name: "a\nb",
    columns: ["z", "a\"b"],
    references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
    onDelete: "set null",
    onUpdate: "no action",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "😀",
    name: "a\nb",
    columns: ["z", "a\"b"],
    references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
    onDelete: "set null",
    onUpdate: "no action",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "😀",
    name: "ᾏ𑼇༄ﱜ",
    columns: ["p9r__protoo", "a\"b"],
    references: { table: "😀", columns: ["z", "a\"b"] },
    onDelete: "set null",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "😀",
    name: "ᾏ𑼇༄ﱜ",
    columns: ["p9r__protoo", "a\"b"],
    references: { table: "😀", columns: ["z", "a\"b"] },
    onDelete: "set null",
    onUpdate: "cascade",
    allowRebuild: true,
  });

  manager.addConstraint({
    kind: "foreign_key",
    table: "😀",
    name: "𒀮🅟𞄜𐁝",
    columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
    references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
    onDelete: "restrict",
    onUpdate: "set default",
  });

  manager.dropConstraint({
    kind: "foreign_key",
    table: "😀",
    name: "𒀮🅟𞄜𐁝",
    columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
    references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
    onDelete: "restrict",
    onUpdate: "set default",
  });

  manager.rebuildTable({
    from: {
      name: "😀",
      className: "🛂𑋃ӜừǛᗅȤ⩊",
      primaryKey: ["p9r__protoo"],
      columns: [
        {
          name: "〠📇𓀳𒈴𒇓┠",
          type: "numeric",
          precision: 5,
          scale: 2,
          nullable: true,
          default: { kind: "value", value: "-812.26" },
        },
        { name: "p9r__protoo", type: "json" },
        {
          name: "l",
          type: "timestamp",
          default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
        },
        { name: "z", type: "text", default: { kind: "sql", sql: "N|ot6" } },
        {
          name: "a\"b",
          type: "uuid",
          nullable: true,
          default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
        },
        {
          name: "✃Ἢꂜ📕В𞠟ꑻ",
          type: "json",
          nullable: true,
          default: {
            kind: "value",
            value: {
              "": -4.4e-323,
              "$.": "}0> [10",
              ".f-W[^lmI": "w",
              "2|yV(": true,
              "4[": null,
              "A+4C+?gS@h": 2.5e-323,
              Evj: true,
              "W$?|Uy|Tq": null,
              d: true,
              "thL{+-": -7.723340861196459e-13,
            },
          },
        },
      ],
      indexes: [{ name: "ktb2l2kt", columns: ["z"], method: "gist" }],
      checks: [
        { name: "a\\b", sql: "/9M" },
        { name: "ü", sql: "?dA$PV1hT'" },
        { name: "𑉀ة", sql: "7::" },
      ],
      foreignKeys: [
        {
          name: "a\nb",
          columns: ["z", "a\"b"],
          references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
          onDelete: "set null",
          onUpdate: "no action",
        },
        {
          name: "ᾏ𑼇༄ﱜ",
          columns: ["p9r__protoo", "a\"b"],
          references: { table: "😀", columns: ["z", "a\"b"] },
          onDelete: "set null",
          onUpdate: "cascade",
        },
        {
          name: "𒀮🅟𞄜𐁝",
          columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
          references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
          onDelete: "restrict",
          onUpdate: "set default",
        },
      ],
    },
    to: {
      name: "😀",
      className: "🛂𑋃ӜừǛᗅȤ⩊",
      primaryKey: ["p9r__protoo"],
      columns: [
        {
          name: "〠📇𓀳𒈴𒇓┠",
          type: "numeric",
          precision: 5,
          scale: 2,
          nullable: true,
          default: { kind: "value", value: "-812.26" },
        },
        { name: "p9r__protoo", type: "json" },
        {
          name: "l",
          type: "timestamp",
          default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
        },
        { name: "z", type: "text", default: { kind: "sql", sql: "N|ot6" } },
        {
          name: "a\"b",
          type: "uuid",
          nullable: true,
          default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
        },
      ],
      indexes: [{ name: "ktb2l2kt", columns: ["z"], method: "gist" }],
      foreignKeys: [
        {
          name: "a\nb",
          columns: ["z", "a\"b"],
          references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
          onDelete: "set null",
          onUpdate: "no action",
        },
        {
          name: "ᾏ𑼇༄ﱜ",
          columns: ["p9r__protoo", "a\"b"],
          references: { table: "😀", columns: ["z", "a\"b"] },
          onDelete: "set null",
          onUpdate: "cascade",
        },
        {
          name: "𒀮🅟𞄜𐁝",
          columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
          references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
          onDelete: "restrict",
          onUpdate: "set default",
        },
      ],
    },
    columnMap: {
      "〠📇𓀳𒈴𒇓┠": "〠📇𓀳𒈴𒇓┠",
      p9r__protoo: "p9r__protoo",
      l: "l",
      z: "z",
      "a\"b": "a\"b",
    },
  });

  manager.dropTable({
    name: "😀",
    className: "🛂𑋃ӜừǛᗅȤ⩊",
    primaryKey: ["p9r__protoo"],
    columns: [
      {
        name: "〠📇𓀳𒈴𒇓┠",
        type: "numeric",
        precision: 5,
        scale: 2,
        nullable: true,
        default: { kind: "value", value: "-812.26" },
      },
      { name: "p9r__protoo", type: "json" },
      {
        name: "l",
        type: "timestamp",
        default: { kind: "value", value: "1969-12-31T23:59:59.963Z" },
      },
      { name: "z", type: "text", default: { kind: "sql", sql: "N|ot6" } },
      {
        name: "a\"b",
        type: "uuid",
        nullable: true,
        default: { kind: "value", value: "79e31afd-c840-1353-b347-0253cc743139" },
      },
      {
        name: "✃Ἢꂜ📕В𞠟ꑻ",
        type: "json",
        nullable: true,
        default: {
          kind: "value",
          value: {
            "": -4.4e-323,
            "$.": "}0> [10",
            ".f-W[^lmI": "w",
            "2|yV(": true,
            "4[": null,
            "A+4C+?gS@h": 2.5e-323,
            Evj: true,
            "W$?|Uy|Tq": null,
            d: true,
            "thL{+-": -7.723340861196459e-13,
          },
        },
      },
    ],
    indexes: [{ name: "ktb2l2kt", columns: ["z"], method: "gist" }],
    checks: [
      { name: "a\\b", sql: "/9M" },
      { name: "ü", sql: "?dA$PV1hT'" },
      { name: "𑉀ة", sql: "7::" },
    ],
    foreignKeys: [
      {
        name: "a\nb",
        columns: ["z", "a\"b"],
        references: { table: "😀", columns: ["z", "✃Ἢꂜ📕В𞠟ꑻ"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
      {
        name: "ᾏ𑼇༄ﱜ",
        columns: ["p9r__protoo", "a\"b"],
        references: { table: "😀", columns: ["z", "a\"b"] },
        onDelete: "set null",
        onUpdate: "cascade",
      },
      {
        name: "𒀮🅟𞄜𐁝",
        columns: ["〠📇𓀳𒈴𒇓┠", "a\"b"],
        references: { table: "😀", columns: ["〠📇𓀳𒈴𒇓┠", "p9r__protoo"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
    ],
  });

  return manager;
}
