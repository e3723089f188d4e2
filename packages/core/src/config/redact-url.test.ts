import { describe, expect, it } from "vitest";
import { connectionSecrets, redactText, redactUrl } from "./redact-url";

describe("redactUrl", () => {
  it("replaces the password and keeps the rest", () => {
    expect(redactUrl("postgres://app:s3cret@db:5432/prod")).toBe("postgres://app:***@db:5432/prod");
    expect(redactUrl("mysql://root:p%40ss@127.0.0.1/app?ssl=true")).toBe("mysql://root:***@127.0.0.1/app?ssl=true");
    expect(redactUrl("postgres://db/app?user=x&password=zz")).toBe("postgres://db/app?user=x&password=***");
  });

  it("leaves URLs without a password alone", () => {
    expect(redactUrl("postgres://app@db/prod")).toBe("postgres://app@db/prod");
    expect(redactUrl("sqlite:./x.db")).toBe("sqlite:./x.db");
  });

  it("redacts URLs inside longer text", () => {
    expect(redactText("cannot reach mysql://u:pw@h:1/d (refused)")).toBe("cannot reach mysql://u:***@h:1/d (refused)");
  });
});

describe("connectionSecrets", () => {
  it("finds the password of URLs and option objects", () => {
    expect(connectionSecrets("postgres://u:p%40ss@h/d")).toEqual(["p@ss"]);
    expect(connectionSecrets({ host: "h", password: "topsecret" })).toEqual(["topsecret"]);
    expect(connectionSecrets({ filename: "./x.db" })).toEqual([]);
  });
});
