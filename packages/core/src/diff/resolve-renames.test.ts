import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { diff } from "./diff";
import { explicitRenames } from "./explicit-renames";
import { snap, summary, t } from "./fixtures";
import type { RenameCandidate } from "./rename-candidates";
import { type RenameResolver, autoInputResolver, failClosedResolver, promptResolver } from "./rename-resolver";
import { resolveRenames } from "./resolve-renames";

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** Answers from a map of questions (others: no), recording what was asked. */
function scripted(answers: Record<string, boolean>): RenameResolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    decide: async (candidate: RenameCandidate) => {
      asked.push(candidate.question);
      return answers[candidate.question] ?? false;
    },
  };
}

const nullable = { nullable: true } as const;
const before = snap(t("band", { title: nullable, genre: nullable, keep: "text" }));
const after = snap(t("band", { name: nullable, label: nullable, keep: "text" }));

describe("resolveRenames", () => {
  it("two renames in one table: questions in order; mixed answers give one rename, one add, one drop", async () => {
    const resolver = scripted({
      "Did you rename column band.genre to band.label? (y/N)": false,
      "Did you rename column band.genre to band.name? (y/N)": false,
      "Did you rename column band.title to band.label? (y/N)": false,
      "Did you rename column band.title to band.name? (y/N)": true,
    });
    const renames = await resolveRenames(before, after, resolver);
    expect(resolver.asked).toEqual([
      "Did you rename column band.genre to band.label? (y/N)",
      "Did you rename column band.genre to band.name? (y/N)",
      "Did you rename column band.title to band.label? (y/N)",
      "Did you rename column band.title to band.name? (y/N)",
    ]);
    expect(renames).toEqual({ tables: [], columns: [{ table: "band", from: "title", to: "name" }] });
    expect(summary(diff(before, after, { renames }))).toEqual(["rename_column band.title->name", "drop_column band.genre", "add_column band.label"]);
  });

  it("does not ask about a candidate whose names an accepted rename took", async () => {
    const resolver = scripted({ "Did you rename column band.genre to band.label? (y/N)": true, "Did you rename column band.title to band.name? (y/N)": true });
    const renames = await resolveRenames(before, after, resolver);
    expect(resolver.asked).toEqual(["Did you rename column band.genre to band.label? (y/N)", "Did you rename column band.title to band.name? (y/N)"]);
    expect(renames.columns).toEqual([
      { table: "band", from: "genre", to: "label" },
      { table: "band", from: "title", to: "name" },
    ]);
  });

  it("auto-input y renames, n drops and adds", async () => {
    const yes = await resolveRenames(snap(t("band", { name: "text" })), snap(t("group", { name: "text" })), autoInputResolver("y"));
    expect(yes).toEqual({ tables: [{ from: "band", to: "group" }], columns: [] });
    const no = await resolveRenames(snap(t("band", { name: "text" })), snap(t("group", { name: "text" })), autoInputResolver("n"));
    expect(no).toEqual({ tables: [], columns: [] });
  });

  it("resolves tables first, then asks about columns of the renamed table under its new name", async () => {
    const prompts: string[] = [];
    const resolver = promptResolver(async (question) => {
      prompts.push(question);
      return true;
    });
    const renames = await resolveRenames(snap(t("band", { title: "text", keep: "text" })), snap(t("group", { name: "text", keep: "text" })), resolver);
    expect(prompts).toEqual(["Did you rename table band to group? (y/N)", "Did you rename column group.title to group.name? (y/N)"]);
    expect(renames).toEqual({ tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] });
  });

  it("fails closed with every open question, tables and columns", async () => {
    const from = snap(t("band", { name: "text" }), t("venue", { a: "text", b: "text" }));
    const to = snap(t("group", { name: "text" }), t("venue", { c: "text", b: "text" }));
    const error = await rejection(resolveRenames(from, to, failClosedResolver()));
    expect(isMigError(error, "MIG_E_NEEDS_INPUT")).toBe(true);
    expect(isMigError(error) && error.meta.questions).toEqual([
      "Did you rename table band to group? (y/N)",
      "Did you rename column venue.a to venue.c? (y/N)",
    ]);
    expect(isMigError(error) && error.problems.map((p) => p.table)).toEqual(["group", "venue"]);
  });

  it("applies renames decided without asking, even when the resolver fails closed", async () => {
    const renames = await resolveRenames(snap(t("band", {}, { className: "Band" })), snap(t("group", {}, { className: "Band" })), failClosedResolver());
    expect(renames.tables).toEqual([{ from: "band", to: "group" }]);
  });

  it("gives explicit renames precedence and asks only the rest", async () => {
    const resolver = scripted({});
    const renames = await resolveRenames(before, after, resolver, explicitRenames(["band.title=band.label"]));
    expect(renames.columns).toEqual([{ table: "band", from: "title", to: "label" }]);
    // genre -> name is still open (nothing took those names), genre -> label and title -> * are taken.
    expect(resolver.asked).toEqual(["Did you rename column band.genre to band.name? (y/N)"]);
  });

  it("accepts an explicit table rename and a column rename written with either table name", async () => {
    const from = snap(t("band", { title: "text" }));
    const to = snap(t("group", { name: "text" }));
    for (const column of ["band.title=group.name", "group.title=group.name"]) {
      const renames = await resolveRenames(from, to, failClosedResolver(), explicitRenames(["band=group", column]));
      expect(renames).toEqual({ tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] });
    }
  });

  it("refuses explicit renames that are not candidates with MIG_E_USAGE", async () => {
    const checks = [
      explicitRenames(["band=nothing"]),
      explicitRenames(["band.title=band.nope"]),
      explicitRenames(["band.keep=band.name"]),
    ];
    for (const explicit of checks) {
      const error = await rejection(resolveRenames(before, after, autoInputResolver("n"), explicit));
      expect(isMigError(error, "MIG_E_USAGE")).toBe(true);
    }
  });
});

describe("explicitRenames", () => {
  it("parses table and column renames", () => {
    expect(explicitRenames(["band=group", "band.title=band.name"])).toEqual({
      tables: [{ from: "band", to: "group" }],
      columns: [{ fromTable: "band", table: "band", from: "title", to: "name" }],
    });
  });

  it("refuses malformed or conflicting arguments, listing each one", () => {
    const bad = ["band", "=group", "band=", "a=b=c", "band.title=name", "a.b.c=a.b.d", "x=x", "p=q", "p=r"];
    let error: unknown;
    try {
      explicitRenames(bad);
    } catch (caught) {
      error = caught;
    }
    expect(isMigError(error, "MIG_E_USAGE")).toBe(true);
    expect(isMigError(error) && error.problems.length).toBe(8);
  });
});
