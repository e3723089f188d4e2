import { isMigError } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import { describeMysqlConnection, resolveConnectionOptions } from "./connection-options";

function configCode(fn: () => unknown): string {
  try {
    fn();
    return "no error";
  } catch (error) {
    return isMigError(error) ? error.code : "not a MigError";
  }
}

describe("connection options", () => {
  it("reads URLs, decoding user, password and database", () => {
    expect(resolveConnectionOptions("mysql://us%40er:p%3Ass@db.example:3307/my%20db")).toMatchObject({
      host: "db.example",
      port: 3307,
      user: "us@er",
      password: "p:ss",
      database: "my db",
    });
    expect(resolveConnectionOptions("mariadb://root@127.0.0.1/app")).toMatchObject({ host: "127.0.0.1", port: 3306, database: "app" });
    expect(resolveConnectionOptions("mysql://root@localhost/app?socket=/tmp/my.sock")).toMatchObject({ socketPath: "/tmp/my.sock" });
    expect(resolveConnectionOptions("mysql://root@h/app?ssl=no-verify")).toMatchObject({ ssl: { rejectUnauthorized: false } });
  });

  it("refuses what it does not understand instead of ignoring it", () => {
    expect(configCode(() => resolveConnectionOptions("mysql://root@h/app?sslmode=require"))).toBe("MIG_E_CONFIG");
    expect(configCode(() => resolveConnectionOptions("mysql://root@h/app?ssl=maybe"))).toBe("MIG_E_CONFIG");
    expect(configCode(() => resolveConnectionOptions("postgres://root@h/app"))).toBe("MIG_E_CONFIG");
    expect(configCode(() => resolveConnectionOptions("not a url"))).toBe("MIG_E_CONFIG");
  });

  it("always sets what mig relies on, whatever the user passes", () => {
    const options = resolveConnectionOptions({ host: "h", multipleStatements: true, charset: "latin1", dateStrings: false });
    expect(options).toMatchObject({ multipleStatements: false, charset: "utf8mb4", dateStrings: true, supportBigNumbers: true });
  });

  it("describes where a config points without the password", () => {
    expect(describeMysqlConnection("mysql://app:hunter22@db:3306/shop")).toBe("mysql://app@db:3306/shop");
    expect(describeMysqlConnection({ host: "db", user: "app", password: "hunter22", database: "shop" })).toBe("mysql://app@db:3306/shop");
    expect(describeMysqlConnection("mysql://app:hunter22@db/shop?bad=1")).not.toContain("hunter22");
  });
});
