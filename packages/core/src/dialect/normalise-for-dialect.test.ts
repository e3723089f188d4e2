import { describe, expect, it } from "vitest";
import { snap, t } from "../diff/fixtures";
import type { Dialect } from "./dialect";
import { normaliseForDialect } from "./normalise-for-dialect";

/** A dialect with no `normalise` and no `types.canonical`: only its capability flags say how types are stored. */
const bare = (capabilities: Dialect["capabilities"]) => ({ name: "bare", capabilities, types: {} }) as unknown as Dialect;

describe("normaliseForDialect without a canonical form from the dialect", () => {
  const schema = snap(t("doc", { body: "jsonb", at: "timestamptz" }));
  const types = (snapshot: ReturnType<typeof snap>) => snapshot.table("doc")?.columns.map((c) => c.type);

  it("stores jsonb as json and timestamptz as timestamp where the flags say the database has no such type", () => {
    expect(types(normaliseForDialect(bare({}), schema))).toEqual(["serial", "json", "timestamp"]);
  });

  it("keeps them where it has them", () => {
    expect(types(normaliseForDialect(bare({ jsonb: true, timestamptz: true }), schema))).toEqual(["serial", "jsonb", "timestamptz"]);
  });
});
