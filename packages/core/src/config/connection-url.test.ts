import { describe, expect, it } from "vitest";
import { KNOWN_DIALECTS } from "../../test/known-dialects";
import { isMigError } from "../errors/mig-error";
import { dialectFromUrl, parseConnectionUrl } from "./connection-url";

describe("dialectFromUrl", () => {
  it.each([
    ["postgres://u@127.0.0.1/app", "postgres"],
    ["postgresql://u@127.0.0.1/app", "postgres"],
    ["POSTGRES://u@127.0.0.1/app", "postgres"],
    ["mysql://root@127.0.0.1:3306/app", "mysql"],
    ["mariadb://root@127.0.0.1:3306/app", "mysql"],
    ["sqlite:./x.db", "sqlite"],
    ["file:./x.db", "sqlite"],
    ["pglite://memory", "pglite"],
  ])("%s → %s", (url, name) => {
    expect(dialectFromUrl(url, KNOWN_DIALECTS)).toBe(name);
  });

  it("returns undefined for text that is not a URL", () => {
    expect(dialectFromUrl("./x.db", KNOWN_DIALECTS)).toBeUndefined();
  });
});

describe("parseConnectionUrl", () => {
  it("takes a server URL apart without the password", () => {
    const parsed = parseConnectionUrl("postgres://app:s%40cret@db.local:5433/shop", KNOWN_DIALECTS);
    expect(parsed).toEqual({ scheme: "postgres", host: "db.local", port: 5433, user: "app", database: "shop", hasPassword: true });
    expect(JSON.stringify(parsed)).not.toContain("cret");
  });

  it.each([
    ["sqlite:./playground.db", "./playground.db"],
    ["file:./x.db", "./x.db"],
    ["sqlite:///tmp/abs.db", "/tmp/abs.db"],
    ["sqlite::memory:", ":memory:"],
  ])("reads the file of %s", (url, filename) => {
    expect(parseConnectionUrl(url, KNOWN_DIALECTS).filename).toBe(filename);
  });

  it("fails with MIG_E_CONFIG on text that is not a URL", () => {
    expect(() => parseConnectionUrl("localhost", KNOWN_DIALECTS)).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG" }));
    try {
      parseConnectionUrl("postgres://a:b@[bad", KNOWN_DIALECTS);
    } catch (error) {
      expect(isMigError(error, "MIG_E_CONFIG")).toBe(true);
      expect(String((error as Error).message)).not.toContain(":b@");
    }
  });
});

describe("parseConnectionUrl on malformed URLs", () => {
  const refusal = (url: string): string => {
    try {
      parseConnectionUrl(url, KNOWN_DIALECTS);
    } catch (error) {
      expect(isMigError(error, "MIG_E_CONFIG"), String(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error(`${url} was accepted`);
  };

  it.each([
    ["postgres://user:s3cret@127.0.0.1:notaport/db", /port "notaport" is not a number/],
    ["mysql://root:s3cret@127.0.0.1:99999/db", /port 99999 is out of range/],
    ["mariadb://root:s3cret@:3306/db", /no host name/],
    ["postgresql://user:s3/cret@127.0.0.1/db", /must be percent-encoded/],
    ["postgres://user:s3cret@[::1/db", /IPv6 host has no closing bracket/],
    ["postgres://user:s3cret@127.0.0.1/d%ZZb", /database name holds a broken %-escape/],
  ])("%s: says what is wrong, never the password", (url, problem) => {
    const message = refusal(url);
    expect(message).toMatch(problem);
    expect(message).not.toMatch(/s3|cret/);
  });

  it("does not quote a port that may be a password (no @)", () => {
    const message = refusal("postgres://user:s3cret/db");
    expect(message).toMatch(/port \(after "user:"\) is not a number/);
    expect(message).not.toContain("s3cret");
  });

  it.each(["sqlite:", "sqlite://", "file:", "sqlite:?mode=ro"])("%s (no file) is refused", (url) => {
    expect(refusal(url)).toMatch(/names no database file/);
  });
});
