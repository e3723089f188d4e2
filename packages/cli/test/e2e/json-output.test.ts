import { readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { MUSIC } from "../support/fixtures";
import { runMig } from "../support/run-mig";
import { sqliteProject } from "../support/sqlite-project";

const README = resolve(dirname(fileURLToPath(import.meta.url)), "../../README.md");

/** The JSON Schema of the CLI README's "JSON output" section: the one ```json block there. */
function readmeSchema(): Record<string, unknown> {
  const readme = readFileSync(README, "utf8");
  const section = readme.slice(readme.indexOf("### JSON output"));
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error("no JSON schema in the README's JSON output section");
  return JSON.parse(block) as Record<string, unknown>;
}

type Shape = "RunResult" | "CheckResult" | "NewResult" | "CleanResult" | "ErrorResult";

interface Migration {
  app: string;
  id: string;
  status: string;
  statementsRun?: number;
  statementsTotal?: number;
}

/**
 * Every `--json` document of real runs (the built binary, on SQLite) is checked against the
 * schema the README documents, and its statuses and counts against what happened.
 */
describe("--json output: the README's schema, and statuses and counts that mean what they say", () => {
  const schema = readmeSchema();
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(schema);
  const validate = (shape: Shape, document: unknown) => {
    const check = ajv.getSchema(`${String(schema.$id)}#/definitions/${shape}`);
    if (!check) throw new Error(`the README's schema has no ${shape}`);
    expect(check(document), `${shape}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(document, null, 2)}`).toBe(true);
  };

  it("new, forwards, backwards, check and clean, with --preview, --fake and a failure", async () => {
    const project = sqliteProject();
    const mig = async (shape: Shape, expectedCode: number, ...args: string[]) => {
      const result = await runMig([...args, "--json"], { cwd: project.dir });
      expect(result.code, `mig ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(expectedCode);
      const document = JSON.parse(result.stdout) as unknown;
      validate(shape, document);
      // Checked against the README's schema just above: the test reads it as the shape it expects.
      return document as any;
    };
    const statuses = (document: { migrations: Migration[] }) => document.migrations.map((m) => `${m.app}:${m.status}`);

    const created = await mig("NewResult", 0, "new", "all", "--auto");
    expect(created.created).toHaveLength(2);
    project.write("src/music/tables.ts", MUSIC.addColumn);
    expect((await mig("NewResult", 0, "new", "music", "--auto")).created).toHaveLength(1);

    const preview = await mig("RunResult", 0, "forwards", "all", "--preview");
    expect(statuses(preview)).toEqual(["music:planned", "music:planned", "shop:planned"]);
    const faked = await mig("RunResult", 0, "forwards", "all", "--fake", "--auto-agree");
    expect(statuses(faked)).toEqual(["music:faked", "music:faked", "shop:faked"]);
    rmSync(join(project.dir, "test.db"));

    const first = await mig("RunResult", 0, "forwards", "music", "1");
    expect(statuses(first)).toEqual(["music:applied"]);
    const [applied] = first.migrations as Migration[];
    // Every step of a completed migration ran (it was reported as 0 of N).
    expect(applied!.statementsTotal).toBeGreaterThan(0);
    expect(applied!.statementsRun).toBe(applied!.statementsTotal);

    const rest = await mig("RunResult", 0, "forwards", "all");
    expect(statuses(rest)).toEqual(["music:applied", "shop:applied"]);
    expect(await mig("RunResult", 0, "forwards", "all")).toEqual({ direction: "forwards", preview: false, ok: true, migrations: [] });
    expect((await mig("CheckResult", 0, "check")).map((row: { applied: boolean }) => row.applied)).toEqual([true, true, true]);

    const backPreview = await mig("RunResult", 0, "backwards", "shop", "--preview");
    expect(backPreview).toMatchObject({ direction: "backwards", preview: true });
    expect(statuses(backPreview)).toEqual(["shop:planned"]);
    // Reversed, not "applied".
    const back = await mig("RunResult", 0, "backwards", "all", "all", "--auto-agree");
    expect(back).toMatchObject({ direction: "backwards", preview: false, ok: true });
    expect(statuses(back).sort()).toEqual(["music:reversed", "music:reversed", "shop:reversed"]);
    for (const m of back.migrations as Migration[]) expect(m.statementsRun).toBe(m.statementsTotal);

    // A failing migration: failed, the one after it not run; nothing of it stays (a transaction).
    const broken = project.list("src/music/migrations")[1]!;
    const file = `src/music/migrations/${broken}`;
    const good = project.read(file);
    project.write(file, good.replace("return manager;", 'manager.addRaw(async (db) => { await db.raw("SELECT * FROM no_such_table"); });\n  return manager;'));
    const failed = await mig("ErrorResult", 1, "forwards", "all");
    expect(failed.error).toMatchObject({ code: "MIG_E_MIGRATION_FAILED" });
    const { migrations } = (failed.error as { meta: { migrations: Migration[] } }).meta;
    expect(migrations.map((m) => `${m.app}:${m.status}`)).toEqual(["music:applied", "music:failed", "shop:not-run"]);
    expect(migrations[1]!.statementsRun).toBe(0);
    project.write(file, good);
    expect(statuses(await mig("RunResult", 0, "forwards", "all"))).toEqual(["music:applied", "shop:applied"]);

    // An edited applied file: check says so, and exits 1.
    project.write(file, `${good}\n// edited\n`);
    const edited = await mig("CheckResult", 1, "check");
    expect(edited.filter((row: { checksumMismatch: boolean }) => row.checksumMismatch)).toHaveLength(1);
    await mig("ErrorResult", 1, "forwards", "all");

    // An applied migration whose file is gone: check lists it, clean forgets it.
    rmSync(join(project.dir, file));
    const missing = await mig("CheckResult", 1, "check");
    expect(missing.filter((row: { fileMissing?: true }) => row.fileMissing)).toHaveLength(1);
    const cleaned = await mig("CleanResult", 0, "clean", "music", "--auto-agree");
    expect(cleaned.removed).toHaveLength(1);
    await mig("CheckResult", 0, "check");

    // Usage and config errors.
    expect((await mig("ErrorResult", 2, "forwards", "no_such_app")).error).toMatchObject({ code: "MIG_E_USAGE" });
  });

  it("the schema is strict: a status the README does not list is refused", () => {
    const check = ajv.getSchema(`${String(schema.$id)}#/definitions/RunResult`)!;
    const document = { direction: "backwards", preview: false, ok: true, migrations: [{ app: "a", id: "x", description: "", status: "skipped", durationMs: 1 }] };
    expect(check(document)).toBe(false);
  });
});
