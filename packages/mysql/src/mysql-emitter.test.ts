import { type ForeignKeyEntity, type SchemaOperation, isMigError } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import { column, tableSchema } from "../test/support/entities";
import { createMysqlDialect, mysqlDialect } from "./index";

const sql = (operation: SchemaOperation) => mysqlDialect.emitter.emit(operation).map((s) => s.sql);

const fk: ForeignKeyEntity = {
  kind: "foreign_key",
  table: "band",
  name: "band_manager_fkey",
  columns: ["manager"],
  references: { table: "manager", columns: ["id"] },
  onDelete: "cascade",
  onUpdate: "no action",
};

const band = tableSchema("band", ["id"], [
  column("band", "id", { type: "serial" }),
  column("band", "name", { type: "varchar", length: 100 }, { default: { kind: "value", value: "it's a \\ band" } }),
  column("band", "manager", { type: "integer" }, { nullable: true }),
  column("band", "founded", { type: "timestamptz" }, { default: { kind: "now" } }),
  column("band", "bio", { type: "text" }, { default: { kind: "value", value: "" } }),
], {
  indexes: [{ name: "band_name_idx", columns: ["name"], method: "btree" }],
  uniques: [{ name: "band_name_key", columns: ["name", "manager"] }],
  checks: [{ name: "band_1_check", sql: "id > 0" }],
  foreignKeys: [fk],
});

describe("golden SQL per operation kind", () => {
  it("create_table: one statement, indexes and the foreign key's own index inline", () => {
    expect(sql({ kind: "create_table", schema: band })).toEqual([
      [
        "CREATE TABLE `band` (",
        "  `id` INT NOT NULL AUTO_INCREMENT,",
        "  `name` VARCHAR(100) NOT NULL DEFAULT 'it''s a \\\\ band',",
        "  `manager` INT NULL,",
        "  `founded` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),",
        "  `bio` TEXT NOT NULL DEFAULT (''),",
        "  PRIMARY KEY (`id`),",
        "  CONSTRAINT `band_name_key` UNIQUE (`name`, `manager`),",
        "  CONSTRAINT `band_1_check` CHECK (id > 0),",
        "  INDEX `band_name_idx` (`name`),",
        "  INDEX `band_manager_fkey` (`manager`),",
        "  CONSTRAINT `band_manager_fkey` FOREIGN KEY (`manager`) REFERENCES `manager` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION",
        ")",
      ].join("\n"),
    ]);
  });

  it("drop_table, rename_table", () => {
    expect(sql({ kind: "drop_table", schema: band })).toEqual(["DROP TABLE `band`"]);
    expect(sql({ kind: "rename_table", from: "band", to: "group" })).toEqual(["RENAME TABLE `band` TO `group`"]);
  });

  it("add_column, with a backfill through a temporary default", () => {
    const popularity = column("band", "popularity", { type: "integer" });
    expect(sql({ kind: "add_column", table: "band", column: popularity })).toEqual(["ALTER TABLE `band` ADD COLUMN `popularity` INT NOT NULL"]);
    expect(sql({ kind: "add_column", table: "band", column: popularity, backfill: 0 })).toEqual([
      "ALTER TABLE `band` ADD COLUMN `popularity` INT NOT NULL DEFAULT 0",
      "ALTER TABLE `band` ALTER COLUMN `popularity` DROP DEFAULT",
    ]);
    // JSON takes only an expression default.
    expect(sql({ kind: "add_column", table: "band", column: column("band", "meta", { type: "json" }), backfill: { a: 1 } })).toEqual([
      "ALTER TABLE `band` ADD COLUMN `meta` JSON NOT NULL DEFAULT ('{\"a\":1}')",
      "ALTER TABLE `band` ALTER COLUMN `meta` DROP DEFAULT",
    ]);
  });

  it("drop_column, rename_column", () => {
    expect(sql({ kind: "drop_column", table: "band", column: column("band", "bio", { type: "text" }) })).toEqual(["ALTER TABLE `band` DROP COLUMN `bio`"]);
    expect(sql({ kind: "rename_column", table: "band", from: "name", to: "title" })).toEqual(["ALTER TABLE `band` RENAME COLUMN `name` TO `title`"]);
  });

  it("alter_column: backfill NULLs, then MODIFY COLUMN with the whole new definition", () => {
    const from = column("band", "rating", { type: "numeric", precision: 5, scale: 2 }, { nullable: true });
    const to = column("band", "rating", { type: "numeric", precision: 6, scale: 2 }, { default: { kind: "value", value: "1.50" } });
    expect(sql({ kind: "alter_column", table: "band", from, to, backfill: "0.00" })).toEqual([
      "UPDATE `band` SET `rating` = '0.00' WHERE `rating` IS NULL",
      "ALTER TABLE `band` MODIFY COLUMN `rating` DECIMAL(6,2) NOT NULL DEFAULT '1.50'",
    ]);
    expect(sql({ kind: "alter_column", table: "band", from: to, to: from })).toEqual([
      "ALTER TABLE `band` MODIFY COLUMN `rating` DECIMAL(5,2) NULL",
    ]);
  });

  it("alter_column keeps AUTO_INCREMENT when it restates a serial column", () => {
    const from = column("band", "id", { type: "serial" });
    expect(sql({ kind: "alter_column", table: "band", from, to: { ...from, type: "bigserial" } })).toEqual([
      "ALTER TABLE `band` MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT",
    ]);
  });

  it("alter_column between types stored the same way emits nothing", () => {
    const from = column("band", "t", { type: "timestamp" });
    expect(sql({ kind: "alter_column", table: "band", from, to: { ...from, type: "timestamptz" } })).toEqual([]);
    const json = column("band", "j", { type: "json" });
    expect(sql({ kind: "alter_column", table: "band", from: json, to: { ...json, type: "jsonb" } })).toEqual([]);
  });

  it("indexes and unique constraints", () => {
    const index = { kind: "index", table: "band", name: "band_name_idx", columns: ["name", "id"], method: "btree" } as const;
    const unique = { kind: "unique", table: "band", name: "band_name_key", columns: ["name"] } as const;
    expect(sql({ kind: "add_index", index })).toEqual(["CREATE INDEX `band_name_idx` ON `band` (`name`, `id`)"]);
    expect(sql({ kind: "drop_index", index })).toEqual(["DROP INDEX `band_name_idx` ON `band`"]);
    expect(sql({ kind: "add_unique", unique })).toEqual(["ALTER TABLE `band` ADD CONSTRAINT `band_name_key` UNIQUE (`name`)"]);
    expect(sql({ kind: "drop_unique", unique })).toEqual(["ALTER TABLE `band` DROP INDEX `band_name_key`"]);
  });

  it("checks", () => {
    const check = { kind: "check", table: "band", name: "band_pop", sql: "popularity >= 0" } as const;
    expect(sql({ kind: "add_check", check })).toEqual(["ALTER TABLE `band` ADD CONSTRAINT `band_pop` CHECK (popularity >= 0)"]);
    expect(sql({ kind: "drop_check", check })).toEqual(["ALTER TABLE `band` DROP CONSTRAINT `band_pop`"]);
  });

  it("foreign keys bring their own index and take it with them", () => {
    expect(sql({ kind: "add_foreign_key", foreignKey: fk })).toEqual([
      "ALTER TABLE `band` ADD INDEX `band_manager_fkey` (`manager`), ADD CONSTRAINT `band_manager_fkey` FOREIGN KEY (`manager`) REFERENCES `manager` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION",
    ]);
    expect(sql({ kind: "drop_foreign_key", foreignKey: fk })).toEqual([
      "ALTER TABLE `band` DROP FOREIGN KEY `band_manager_fkey`, DROP INDEX `band_manager_fkey`",
    ]);
  });

  it("refuses what InnoDB would silently change: SET DEFAULT actions, hash indexes; and rebuild_table", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isMigError(error) ? error.code : "not a MigError";
      }
      return "no error";
    };
    expect(code(() => sql({ kind: "add_foreign_key", foreignKey: { ...fk, onDelete: "set default" } }))).toBe("MIG_E_UNSUPPORTED");
    expect(code(() => sql({ kind: "add_index", index: { kind: "index", table: "band", name: "h", columns: ["name"], method: "hash" } }))).toBe("MIG_E_UNSUPPORTED");
    expect(code(() => sql({ kind: "rebuild_table", from: band, to: band, columnMap: {} }))).toBe("MIG_E_UNSUPPORTED");
  });
});

describe("hooks", () => {
  const hooks = mysqlDialect.emitter.hooks;

  it("quotes identifiers with backticks, doubling backticks inside", () => {
    expect(hooks.quoteIdentifier("a`b")).toBe("`a``b`");
    expect(hooks.quoteIdentifier('we"ird; DROP TABLE x')).toBe('`we"ird; DROP TABLE x`');
  });

  it("quotes string literals doubling quotes and backslashes", () => {
    expect(hooks.quoteLiteral("it's \\n not a newline")).toBe("'it''s \\\\n not a newline'");
    expect(hooks.quoteLiteral("line\nbreak")).toBe("'line\nbreak'");
    expect(hooks.quoteLiteral(true)).toBe("TRUE");
    expect(hooks.quoteLiteral(false)).toBe("FALSE");
    expect(hooks.quoteLiteral(null)).toBe("NULL");
    expect(hooks.quoteLiteral(2.5)).toBe("2.5");
    expect(hooks.quoteLiteral({ a: "b'c" }, { type: "json" })).toBe("'{\"a\":\"b''c\"}'");
    expect(hooks.quoteLiteral("\\x0A0b", { type: "bytea" })).toBe("X'0a0b'");
  });

  it("renders now, random and sql defaults as MySQL accepts them", () => {
    const at = (type: "timestamp" | "date" | "time" | "uuid" | "integer") => column("t", "c", { type });
    expect(hooks.renderDefault({ kind: "now" }, at("timestamp"))).toBe("CURRENT_TIMESTAMP(6)");
    expect(hooks.renderDefault({ kind: "now" }, at("date"))).toBe("(CURRENT_DATE)");
    expect(hooks.renderDefault({ kind: "now" }, at("time"))).toBe("(CURRENT_TIME(6))");
    expect(hooks.renderDefault({ kind: "random" }, at("uuid"))).toBe("(UUID())");
    expect(hooks.renderDefault({ kind: "sql", sql: "1 + 2" }, at("integer"))).toBe("(1 + 2)");
  });

  it("maps every contract type to its native type", () => {
    const types = mysqlDialect.types;
    expect(types.toNative({ type: "varchar", length: 50 })).toBe("VARCHAR(50)");
    expect(types.toNative({ type: "numeric", precision: 5, scale: 2 })).toBe("DECIMAL(5,2)");
    expect(types.toNative({ type: "timestamptz" })).toBe("DATETIME(6)");
    expect(types.toNative({ type: "uuid" })).toBe("CHAR(36)");
    expect(createMysqlDialect({ uuidType: "native" }).types.toNative({ type: "uuid" })).toBe("UUID");
    expect(types.toNative({ type: "jsonb" })).toBe("JSON");
    expect(types.toNative({ type: "bytea" })).toBe("LONGBLOB");
    expect(types.toNative({ type: "boolean" })).toBe("BOOLEAN");
    expect(types.toNative({ type: "real" })).toBe("FLOAT");
    expect(types.toNative({ type: "doublePrecision" })).toBe("DOUBLE");
  });
});
