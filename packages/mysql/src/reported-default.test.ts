import { describe, expect, it } from "vitest";
import { mysqlTypeFromNative } from "./mysql-type-mapper";
import { parseReportedDefault } from "./reported-default";

const mariadb = { mariadb: true, extra: "" };

describe("defaults as MariaDB reports them", () => {
  it("reads quoted literals with their escapes", () => {
    expect(parseReportedDefault("'a''b\\\\c\\nd'", { type: "varchar", length: 20 }, mariadb)).toEqual({ kind: "value", value: "a'b\\c\nd" });
    expect(parseReportedDefault("'2020-01-01 00:00:00.000000'", { type: "timestamp" }, mariadb)).toEqual({
      kind: "value",
      value: "2020-01-01 00:00:00.000000",
    });
  });

  it("reads numbers by column type", () => {
    expect(parseReportedDefault("1", { type: "boolean" }, mariadb)).toEqual({ kind: "value", value: true });
    expect(parseReportedDefault("12.50", { type: "numeric", precision: 5, scale: 2 }, mariadb)).toEqual({ kind: "value", value: "12.50" });
    expect(parseReportedDefault("-3", { type: "smallint" }, mariadb)).toEqual({ kind: "value", value: -3 });
    expect(parseReportedDefault("1.5", { type: "real" }, mariadb)).toEqual({ kind: "value", value: 1.5 });
  });

  it("reads NULL and no default as none", () => {
    expect(parseReportedDefault("NULL", { type: "integer" }, mariadb)).toBeNull();
    expect(parseReportedDefault(null, { type: "integer" }, mariadb)).toBeNull();
  });

  it("reads now, random, hex, JSON and other expressions", () => {
    expect(parseReportedDefault("current_timestamp(6)", { type: "timestamp" }, mariadb)).toEqual({ kind: "now" });
    expect(parseReportedDefault("curdate()", { type: "date" }, mariadb)).toEqual({ kind: "now" });
    expect(parseReportedDefault("curtime(6)", { type: "time" }, mariadb)).toEqual({ kind: "now" });
    expect(parseReportedDefault("uuid()", { type: "uuid" }, mariadb)).toEqual({ kind: "random" });
    expect(parseReportedDefault("X'0102ff'", { type: "bytea" }, mariadb)).toEqual({ kind: "value", value: "0102ff" });
    expect(parseReportedDefault(`'{"a": 1}'`, { type: "json" }, mariadb)).toEqual({ kind: "value", value: { a: 1 } });
    expect(parseReportedDefault("(1 + 2)", { type: "integer" }, mariadb)).toEqual({ kind: "sql", sql: "1 + 2" });
  });

  it("reads MySQL 8's unquoted literals and DEFAULT_GENERATED expressions", () => {
    expect(parseReportedDefault("abc", { type: "varchar", length: 5 }, { mariadb: false, extra: "" })).toEqual({ kind: "value", value: "abc" });
    expect(parseReportedDefault("uuid()", { type: "uuid" }, { mariadb: false, extra: "DEFAULT_GENERATED" })).toEqual({ kind: "random" });
    expect(parseReportedDefault("_utf8mb4\\'hi\\'", { type: "text" }, { mariadb: false, extra: "DEFAULT_GENERATED" })).toEqual({
      kind: "value",
      value: "hi",
    });
  });
});

describe("native types", () => {
  it("reads COLUMN_TYPE back to contract types", () => {
    expect(mysqlTypeFromNative("tinyint(1)")).toEqual({ type: "boolean" });
    expect(mysqlTypeFromNative("int(11)", true)).toEqual({ type: "serial" });
    expect(mysqlTypeFromNative("bigint(20)", true)).toEqual({ type: "bigserial" });
    expect(mysqlTypeFromNative("int")).toEqual({ type: "integer" });
    expect(mysqlTypeFromNative("smallint(6)")).toEqual({ type: "smallint" });
    expect(mysqlTypeFromNative("varchar(20)")).toEqual({ type: "varchar", length: 20 });
    expect(mysqlTypeFromNative("decimal(5,2)")).toEqual({ type: "numeric", precision: 5, scale: 2 });
    expect(mysqlTypeFromNative("datetime(6)")).toEqual({ type: "timestamp" });
    expect(mysqlTypeFromNative("char(36)")).toEqual({ type: "uuid" });
    expect(mysqlTypeFromNative("uuid")).toEqual({ type: "uuid" });
    expect(mysqlTypeFromNative("json")).toEqual({ type: "json" });
    expect(mysqlTypeFromNative("longblob")).toEqual({ type: "bytea" });
    expect(mysqlTypeFromNative("char(10)")).toEqual({ type: "char", length: 10 });
    expect(mysqlTypeFromNative("enum('a','it''s')")).toEqual({ type: "enum", values: ["a", "it's"] });
    expect(mysqlTypeFromNative("geometry")).toBeUndefined();
  });
});

describe("timestamps", () => {
  it("are written as DATETIME(6) text, zoned values converted to UTC", async () => {
    const { mysqlDateTimeText } = await import("./mysql-datetime");
    expect(mysqlDateTimeText("2020-01-02 03:04:05")).toBe("2020-01-02 03:04:05.000000");
    expect(mysqlDateTimeText("2020-01-02T03:04:05.5Z")).toBe("2020-01-02 03:04:05.500000");
    expect(mysqlDateTimeText("2020-01-01T01:00:00+02:00")).toBe("2019-12-31 23:00:00.000000");
    expect(mysqlDateTimeText("2020-01-01T22:15:00-0130")).toBe("2020-01-01 23:45:00.000000");
    expect(mysqlDateTimeText("not a time")).toBe("not a time");
  });
});
