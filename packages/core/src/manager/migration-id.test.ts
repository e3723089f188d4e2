import { describe, expect, it } from "vitest";
import { cleanAppName, migrationFileName } from "./migration-file-name";
import { compareMigrationIds, generateMigrationId, isMigrationId, parseMigrationId } from "./migration-id";

describe("generateMigrationId", () => {
  it("formats a given instant in UTC with microseconds", () => {
    expect(generateMigrationId(new Date("2026-11-22T13:58:23.024Z"))).toBe("2026-11-22T13:58:23:024000");
    expect(generateMigrationId(new Date("2001-02-03T04:05:06.000Z"))).toBe("2001-02-03T04:05:06:000000");
  });

  it("is deterministic for a given date", () => {
    const date = new Date("2026-01-01T00:00:00.999Z");
    expect(generateMigrationId(date)).toBe(generateMigrationId(date));
  });

  it("gives strictly increasing IDs for calls within the same millisecond", () => {
    const ids = Array.from({ length: 2000 }, () => generateMigrationId());
    for (let i = 1; i < ids.length; i++) {
      expect(compareMigrationIds(ids[i - 1] as string, ids[i] as string)).toBeLessThan(0);
      expect((ids[i - 1] as string) < (ids[i] as string)).toBe(true);
    }
    expect(ids.every(isMigrationId)).toBe(true);
  });

  it("is close to the current time", () => {
    const before = Date.now();
    const id = generateMigrationId();
    const parsed = parseMigrationId(id);
    const at = Date.parse(`${parsed?.seconds}Z`);
    expect(Math.abs(at - before)).toBeLessThan(2000);
  });
});

describe("parseMigrationId / isMigrationId", () => {
  it("reads both formats", () => {
    expect(parseMigrationId("2026-11-22T13:58:23:024723")).toEqual({ seconds: "2026-11-22T13:58:23", microseconds: 24723, legacy: false });
    expect(parseMigrationId("2020-12-17T18:44:30")).toEqual({ seconds: "2020-12-17T18:44:30", microseconds: 0, legacy: true });
  });

  it("rejects anything else", () => {
    for (const id of ["", "2020-12-17", "2020-12-17 18:44:30", "2020-12-17T18:44:30:12", "2020-12-17T18:44:30.123456", "x2020-12-17T18:44:30"]) {
      expect(isMigrationId(id)).toBe(false);
    }
  });
});

describe("compareMigrationIds", () => {
  it("sorts the old format together with the new one", () => {
    const ids = [
      "2021-01-01T00:00:00:000000",
      "2020-12-17T18:44:30:000001",
      "2020-12-17T18:44:31",
      "2020-12-17T18:44:30",
      "2020-12-17T18:44:29:999999",
      "2020-12-17T18:44:30:000000",
    ];
    expect([...ids].sort(compareMigrationIds)).toEqual([
      "2020-12-17T18:44:29:999999",
      "2020-12-17T18:44:30",
      "2020-12-17T18:44:30:000000",
      "2020-12-17T18:44:30:000001",
      "2020-12-17T18:44:31",
      "2021-01-01T00:00:00:000000",
    ]);
  });

  it("puts invalid IDs after valid ones, in a total order", () => {
    expect(["zzz", "2020-12-17T18:44:30", "aaa"].sort(compareMigrationIds)).toEqual(["2020-12-17T18:44:30", "aaa", "zzz"]);
    expect(compareMigrationIds("2020-12-17T18:44:30", "2020-12-17T18:44:30")).toBe(0);
  });
});

describe("migrationFileName", () => {
  it("follows <app>_<yyyy>_<mm>_<dd>t<hh>_<mm>_<ss>_<ffffff>.ts", () => {
    expect(migrationFileName("music", "2026-11-22T13:58:23:024723")).toBe("music_2026_11_22t13_58_23_024723.ts");
  });

  it("cleans the app name", () => {
    expect(migrationFileName("App-Name!", "2026-11-22T13:58:23:024723")).toBe("app_name_2026_11_22t13_58_23_024723.ts");
    expect(cleanAppName("  My  Shop v2 ")).toBe("my_shop_v2");
    expect(cleanAppName("__a__b__")).toBe("a_b");
    expect(cleanAppName("café")).toBe("caf");
    expect(cleanAppName("!!!")).toBe("app");
  });

  it("handles the old ID format", () => {
    expect(migrationFileName("music", "2020-12-17T18:44:30")).toBe("music_2020_12_17t18_44_30.ts");
  });
});
