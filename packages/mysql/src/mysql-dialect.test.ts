import { resolveCapabilities } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import defaultDialect, { createMysqlDialect, mysqlDialect } from "./index";

describe("the dialect object", () => {
  it("is the default export, named mysql, with alias mariadb and both URL schemes", () => {
    expect(defaultDialect).toBe(mysqlDialect);
    expect(mysqlDialect.name).toBe("mysql");
    expect(mysqlDialect.aliases).toEqual(["mariadb"]);
    expect(mysqlDialect.urlSchemes).toEqual(["mysql", "mariadb"]);
    expect(mysqlDialect.placeholder(3)).toBe("?");
  });

  it("declares its capabilities", () => {
    expect(resolveCapabilities(mysqlDialect.capabilities)).toMatchObject({
      transactionalDdl: false,
      autoAlter: true,
      alterConstraints: true,
      indexMethods: ["btree"],
      maxIdentifierLength: 64,
      lockKind: "named",
      jsonb: false,
      timestamptz: false,
      schemas: false,
    });
  });

  it("stores timestamptz as timestamp and jsonb as json, and fills in type parameters", () => {
    const canonical = mysqlDialect.types.canonical!;
    expect(canonical({ type: "timestamptz" })).toEqual({ type: "timestamp" });
    expect(canonical({ type: "jsonb" })).toEqual({ type: "json" });
    expect(canonical({ type: "numeric" })).toEqual({ type: "numeric", precision: 10, scale: 0 });
    expect(canonical({ type: "numeric", precision: 7 })).toEqual({ type: "numeric", precision: 7, scale: 0 });
    expect(canonical({ type: "varchar" })).toEqual({ type: "varchar", length: 255 });
  });

  it("makes independent configured copies", () => {
    const native = createMysqlDialect({ uuidType: "native", lockName: "my-app" });
    expect(native.types.toNative({ type: "uuid" })).toBe("UUID");
    expect(mysqlDialect.types.toNative({ type: "uuid" })).toBe("CHAR(36)");
  });
});
