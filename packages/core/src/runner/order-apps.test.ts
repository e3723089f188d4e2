import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { orderApps } from "./order-apps";

const names = (apps: readonly { name: string }[]) => apps.map((a) => a.name);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("orderApps", () => {
  it("puts dependencies first and keeps the given order otherwise", () => {
    expect(names(orderApps([{ name: "shop", dependsOn: ["music"] }, { name: "music" }, { name: "blog" }]))).toEqual(["music", "shop", "blog"]);
    expect(names(orderApps([{ name: "a" }, { name: "b" }, { name: "c" }]))).toEqual(["a", "b", "c"]);
    expect(
      names(orderApps([{ name: "d", dependsOn: ["b", "c"] }, { name: "c", dependsOn: ["a"] }, { name: "b", dependsOn: ["a"] }, { name: "a" }])),
    ).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the app objects", () => {
    const music = { name: "music", migrations: "./m" };
    expect(orderApps([music])[0]).toBe(music);
  });

  it("names the cycle", () => {
    const error = thrown(() => orderApps([{ name: "a", dependsOn: ["b"] }, { name: "b", dependsOn: ["c"] }, { name: "c", dependsOn: ["a"] }]));
    expect(isMigError(error, "MIG_E_APP_DEPENDENCY")).toBe(true);
    expect((error as { meta: { cycle: string[] } }).meta.cycle).toEqual(["a", "b", "c", "a"]);
  });

  it("refuses an app depending on itself", () => {
    expect(isMigError(thrown(() => orderApps([{ name: "a", dependsOn: ["a"] }])), "MIG_E_APP_DEPENDENCY")).toBe(true);
  });

  it("refuses an unknown dependency", () => {
    const error = thrown(() => orderApps([{ name: "shop", dependsOn: ["musci"] }, { name: "music" }]));
    expect(isMigError(error, "MIG_E_APP_DEPENDENCY")).toBe(true);
  });

  it("refuses duplicate app names", () => {
    expect(isMigError(thrown(() => orderApps([{ name: "music" }, { name: "music" }])), "MIG_E_CONFIG")).toBe(true);
  });
});
