import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as newMigration } from "../../src/commands/new/run";
import { main } from "../../src/main";
import { configText, MUSIC } from "../support/fixtures";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";
import { postgresFleet, type FleetBackend } from "./fleet-backend";

const PASSWORD = "mixed-s3cret";
const ID = "2026-11-22T10:00:01:000000";

/** One fleet of PostgreSQL databases and SQLite files, one of them unreachable. */
describe("mig --fleet across dialects, through the command line", () => {
  let project: TestProject;
  let postgres: FleetBackend;
  let missingUrl: string;

  beforeAll(async () => {
    project = createProject("fleet-mixed", { "mig.config.ts": configText(), "src/music/tables.ts": MUSIC.initial });
    expect(await newMigration({ app: "music", auto: true }, testDeps({ cwd: project.dir, env: { DATABASE_URL: "sqlite:./dev.db" }, ids: [ID] }).deps)).toBe(0);
    postgres = await postgresFleet(1, PASSWORD);
    const missing = new URL(postgres.targets[0]!.connection);
    missing.pathname = "/mig_fleet_no_such_database";
    missingUrl = missing.toString();
    const fleet = [
      { name: "pg", connection: postgres.targets[0]!.connection },
      { name: "gone", connection: missingUrl },
      { name: "file", connection: "sqlite:./tenant.db" },
    ];
    project.write("mig.config.ts", configText({ extra: `  fleet: ${JSON.stringify(fleet)},` }).replace(/\s*\{ name: "shop"[^\n]*\n/, "\n"));
  }, 120_000);

  afterAll(async () => {
    await postgres?.drop();
    project?.remove();
  }, 120_000);

  it("forwards --fleet: a table of every target, the unreachable one failed, exit 1, no password anywhere", async () => {
    const io = testDeps({ cwd: project.dir });
    expect(await main(["forwards", "all", "--fleet", "--concurrency", "2"], io.deps)).toBe(1);
    const out = io.stdout();
    expect(out).toMatch(new RegExp(`^TARGET\\s+RESULT\\s+LAST\\s+TIME\\n`));
    expect(out).toMatch(new RegExp(`\\npg\\s+applied 1\\s+music ${ID}\\s+\\d+`));
    expect(out).toMatch(/\ngone\s+FAILED\s+-\s+\d+/);
    expect(out).toMatch(new RegExp(`\\nfile\\s+applied 1\\s+music ${ID}\\s+\\d+`));
    expect(out).toContain("Failed targets (1):\n  gone: MIG_E_");
    expect(out).toContain("3 targets: 2 applied, 0 up to date, 1 failed");
    expect(out + io.stderr()).not.toContain(PASSWORD);

    const again = testDeps({ cwd: project.dir });
    expect(await main(["forwards", "all", "--fleet", "--json"], again.deps)).toBe(1);
    const report = JSON.parse(again.stdout()) as { targets: { name: string; status: string }[] };
    expect(report.targets.map((t) => [t.name, t.status])).toEqual([["pg", "unchanged"], ["gone", "failed"], ["file", "unchanged"]]);
    expect(again.stdout() + again.stderr()).not.toContain(PASSWORD);
  });

  it("check --fleet: the unreachable target is failed, the others up to date; exit 1", async () => {
    const io = testDeps({ cwd: project.dir });
    expect(await main(["check", "--fleet", "--json"], io.deps)).toBe(1);
    const { targets } = JSON.parse(io.stdout()) as { targets: { name: string; ok: boolean; status: string; error?: { code: string } }[] };
    expect(targets.map((t) => [t.name, t.ok, t.status])).toEqual([["pg", true, "up-to-date"], ["gone", false, "failed"], ["file", true, "up-to-date"]]);
    expect(targets[1]!.error?.code).toMatch(/^MIG_E_/);
    expect(io.stdout() + io.stderr()).not.toContain(PASSWORD);
  });

  it("bad usage: --concurrency 0, --concurrency without --fleet, --clean with --fleet, --fleet without a fleet in the config", async () => {
    const zero = testDeps({ cwd: project.dir });
    expect(await main(["forwards", "all", "--fleet", "--concurrency", "0", "--json"], zero.deps)).toBe(2);
    expect(JSON.parse(zero.stdout()).error.code).toBe("MIG_E_USAGE");
    const alone = testDeps({ cwd: project.dir });
    expect(await main(["forwards", "all", "--concurrency", "8", "--json"], alone.deps)).toBe(2);
    expect(JSON.parse(alone.stdout()).error).toMatchObject({ code: "MIG_E_USAGE", message: "--concurrency only applies to a fleet: add --fleet" });
    const clean = testDeps({ cwd: project.dir });
    expect(await main(["backwards", "music", "--fleet", "--clean", "--auto-agree", "--json"], clean.deps)).toBe(2);
    expect(JSON.parse(clean.stdout()).error.code).toBe("MIG_E_USAGE");
    const plain = createProject("fleet-none", { "mig.config.ts": configText({ connection: "sqlite:./x.db" }) });
    try {
      const none = testDeps({ cwd: plain.dir });
      expect(await main(["check", "--fleet", "--json"], none.deps)).toBe(2);
      expect(JSON.parse(none.stdout()).error).toMatchObject({ code: "MIG_E_CONFIG", problems: [{ path: "fleet" }] });
    } finally {
      plain.remove();
    }
  });
});
