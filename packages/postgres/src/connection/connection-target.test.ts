import { describe, expect, it } from "vitest";
import { describePostgresConnection, resolveTarget, scrubPassword } from "./connection-target";

describe("describePostgresConnection", () => {
  it("names user, host, port and database, and redacts the password", () => {
    expect(describePostgresConnection("postgres://app:s3cret@db.example:6543/shop")).toBe("postgres://app:***@db.example:6543/shop");
    expect(describePostgresConnection("postgresql://app:p%40ss%2Fword@127.0.0.1/shop?sslmode=require")).toBe("postgres://app:***@127.0.0.1:5432/shop");
    expect(describePostgresConnection({ host: "h", port: 1, user: "u", password: "pw", database: "d" })).toBe("postgres://u:***@h:1/d");
    expect(describePostgresConnection({ connectionString: "postgres://u:pw@h:2/d" })).toBe("postgres://u:***@h:2/d");
    expect(describePostgresConnection("postgres://u@h/d")).toBe("postgres://u@h:5432/d");
    for (const text of [describePostgresConnection("postgres://app:s3cret@h/d"), describePostgresConnection("postgresql://app:p%40ss%2Fword@h/d")]) {
      expect(text).not.toMatch(/s3cret|p%40ss|p@ss/);
    }
  });

  it("reads a socket directory from ?host=", () => {
    expect(resolveTarget("postgres://u@/d?host=/run/postgresql")).toMatchObject({ host: "/run/postgresql", database: "d" });
  });

  it("scrubs the password out of any text", () => {
    expect(scrubPassword("failed for s3cret at s3cret", "s3cret")).toBe("failed for *** at ***");
    expect(scrubPassword("nothing", undefined)).toBe("nothing");
  });
});
