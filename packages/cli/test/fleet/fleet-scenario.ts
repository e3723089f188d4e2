import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pLimit from "p-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as newMigration } from "../../src/commands/new/run";
import { run as fleetBackwards } from "../../src/fleet/fleet-backwards";
import { run as fleetCheck, type TargetCheck } from "../../src/fleet/fleet-check";
import { run as fleetForwards } from "../../src/fleet/fleet-forwards";
import { configText, MUSIC, SHOP } from "../support/fixtures";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";
import type { FleetBackend } from "./fleet-backend";

export const FLEET_PASSWORD = "fleet-s3cret-pw";
const ID = (n: number) => `2026-11-22T10:00:0${n}:000000`;
const MIGRATIONS = [`music:${ID(1)}`, `music:${ID(2)}`, `music:${ID(3)}`, `shop:${ID(4)}`];

interface RunTarget {
  readonly name: string;
  readonly ok: boolean;
  readonly status: string;
  readonly error?: { code: string; message: string };
  readonly migrations: { app: string; id: string; status: string }[];
}

/** The rows of a target's own tracking table, as `app:id`, sorted; and the checksums. */
async function trackingRows(backend: FleetBackend, index: number): Promise<{ applied: string[]; checksums: Map<string, string> }> {
  const connection = await backend.connect(index);
  try {
    const { rows } = await connection.query<{ app_name: string; name: string; checksum: string }>("SELECT app_name, name, checksum FROM mig_migrations");
    return {
      applied: rows.map((r) => `${r.app_name}:${r.name}`).sort(),
      checksums: new Map(rows.map((r) => [`${r.app_name}:${r.name}`, r.checksum])),
    };
  } finally {
    await connection.close();
  }
}

/**
 * The fleet scenario, run on one kind of database: 4 migrations (3 of music, then shop's) over
 * `count` targets with --concurrency 8; the target in the middle holds a table that conflicts
 * with shop's migration, fails, and is reported while the others finish; `check --fleet --json`
 * agrees with each database's own tracking table; after the conflict is removed, a rerun applies
 * only that target's remaining migration.
 */
export function fleetScenario(kind: string, count: number, makeBackend: (dir: string) => Promise<FleetBackend>, options: { asFunction: boolean }): void {
  describe(`mig --fleet on ${count} ${kind} databases`, () => {
    let project: TestProject;
    let backend: FleetBackend;
    const broken = Math.floor(count / 2);
    const cwd = () => project.dir;

    /** Checks every target's report against its own tracking table, queried directly. */
    async function expectCheckAgrees(targets: readonly TargetCheck[]): Promise<void> {
      expect(targets.map((t) => t.name)).toEqual(backend.targets.map((t) => t.name));
      const limit = pLimit(8);
      const rows = await Promise.all(targets.map((_, index) => limit(() => trackingRows(backend, index))));
      for (const [index, target] of targets.entries()) {
        const { applied } = rows[index]!;
        expect(target.migrations.filter((m) => m.applied).map((m) => `${m.app}:${m.id}`).sort(), target.name).toEqual(applied);
        expect(target.pending, target.name).toBe(MIGRATIONS.length - applied.length);
        // The last one in the order forwards applies them (music's, then shop's).
        const last = MIGRATIONS.filter((m) => applied.includes(m)).at(-1);
        expect(target.lastApplied ? `${target.lastApplied.app}:${target.lastApplied.id}` : null, target.name).toBe(last ?? null);
      }
    }

    beforeAll(async () => {
      project = createProject(`fleet-${kind}`, { "mig.config.ts": configText(), "src/music/tables.ts": MUSIC.initial, "src/shop/tables.ts": SHOP });
      // `mig new` plans for one dialect: the developer's database, given by DATABASE_URL.
      const env = { DATABASE_URL: "sqlite:./dev.db" };
      for (const [i, tables] of [MUSIC.initial, MUSIC.addColumn, MUSIC.addIndex].entries()) {
        project.write("src/music/tables.ts", tables);
        expect(await newMigration({ app: "music", auto: true, desc: `step ${i + 1}` }, testDeps({ cwd: cwd(), env, ids: [ID(i + 1)] }).deps)).toBe(0);
      }
      expect(await newMigration({ app: "shop", auto: true }, testDeps({ cwd: cwd(), env, ids: [ID(4)] }).deps)).toBe(0);
      backend = await makeBackend(project.dir);
      const list = JSON.stringify(backend.targets, null, 1);
      if (options.asFunction) {
        // The function form: the targets come from elsewhere at run time (here a JSON file).
        writeFileSync(join(project.dir, "fleet.json"), list);
        project.write(
          "mig.config.ts",
          `import { readFileSync } from "node:fs";\n${configText({ extra: `  fleet: async () => JSON.parse(readFileSync(${JSON.stringify(join(project.dir, "fleet.json"))}, "utf8")),` })}`,
        );
      } else project.write("mig.config.ts", configText({ extra: `  fleet: ${list},` }));
      // The target in the middle already has a table of shop's migration: that migration fails there.
      const connection = await backend.connect(broken);
      try {
        await connection.query("CREATE TABLE product (id integer PRIMARY KEY)");
      } finally {
        await connection.close();
      }
    }, 180_000);

    afterAll(async () => {
      await backend?.drop();
      project?.remove();
    }, 180_000);

    it("forwards all --concurrency 8: the failed target is reported, every other one finishes", async () => {
      const io = testDeps({ cwd: cwd() });
      expect(await fleetForwards({ app: "all", fleet: true, concurrency: "8", json: true }, io.deps)).toBe(1);
      const report = JSON.parse(io.stdout()) as { ok: boolean; summary: Record<string, number>; targets: RunTarget[] };
      expect(report.ok).toBe(false);
      expect(report.summary).toMatchObject({ targets: count, applied: count - 1, failed: 1, unchanged: 0 });
      const failed = report.targets.filter((t) => !t.ok);
      expect(failed.map((t) => t.name)).toEqual([backend.targets[broken]!.name]);
      expect(failed[0]!.error?.code).toMatch(/^MIG_E_/);
      expect(failed[0]!.migrations.map((m) => `${m.app}:${m.id}:${m.status}`)).toEqual([
        `music:${ID(1)}:applied`,
        `music:${ID(2)}:applied`,
        `music:${ID(3)}:applied`,
        `shop:${ID(4)}:failed`,
      ]);
      for (const target of report.targets.filter((t) => t.ok)) expect(target.migrations.map((m) => m.status), target.name).toEqual(["applied", "applied", "applied", "applied"]);
      // The failure was shown as it happened, and no password anywhere.
      expect(io.stderr()).toContain(`✗ ${backend.targets[broken]!.name}: `);
      expect(io.stdout() + io.stderr()).not.toContain(FLEET_PASSWORD);
    }, 300_000);

    it("check --fleet --json agrees with each database's own tracking table; exit 1 while a target is behind", async () => {
      const io = testDeps({ cwd: cwd() });
      expect(await fleetCheck({ fleet: true, concurrency: "8", json: true }, io.deps)).toBe(1);
      const { targets } = JSON.parse(io.stdout()) as { targets: TargetCheck[] };
      await expectCheckAgrees(targets);
      expect(targets.filter((t) => !t.ok).map((t) => [t.name, t.status, t.pending])).toEqual([[backend.targets[broken]!.name, "behind", 1]]);
      expect(targets[broken]!.lastApplied).toEqual({ app: "music", id: ID(3) });
      expect(targets.every((t) => t.migrations.every((m) => !m.checksumMismatch))).toBe(true);
    }, 300_000);

    it("a rerun after the conflict is removed applies only what is not done", async () => {
      const connection = await backend.connect(broken);
      try {
        await connection.query("DROP TABLE product");
      } finally {
        await connection.close();
      }
      const io = testDeps({ cwd: cwd() });
      expect(await fleetForwards({ app: "all", fleet: true, concurrency: "8", json: true }, io.deps)).toBe(0);
      const report = JSON.parse(io.stdout()) as { ok: boolean; summary: Record<string, number>; targets: RunTarget[] };
      expect(report.summary).toMatchObject({ targets: count, applied: 1, unchanged: count - 1, failed: 0 });
      const changed = report.targets.filter((t) => t.status === "applied");
      expect(changed.map((t) => [t.name, t.migrations.map((m) => `${m.app}:${m.id}:${m.status}`)])).toEqual([[backend.targets[broken]!.name, [`shop:${ID(4)}:applied`]]]);

      const check = testDeps({ cwd: cwd() });
      expect(await fleetCheck({ fleet: true, concurrency: "8", json: true }, check.deps)).toBe(0);
      const { targets } = JSON.parse(check.stdout()) as { targets: TargetCheck[] };
      await expectCheckAgrees(targets);
      expect(targets.every((t) => t.ok && t.status === "up-to-date")).toBe(true);
    }, 300_000);

    it("check --fleet reports a target whose tracking table disagrees with the files as inconsistent", async () => {
      const index = count - 1;
      const connection = await backend.connect(index);
      try {
        await connection.query(`UPDATE mig_migrations SET checksum = 'edited' WHERE name = '${ID(2)}'`);
      } finally {
        await connection.close();
      }
      const io = testDeps({ cwd: cwd() });
      expect(await fleetCheck({ fleet: true, json: true }, io.deps)).toBe(1);
      const { targets } = JSON.parse(io.stdout()) as { targets: TargetCheck[] };
      expect(targets.filter((t) => !t.ok).map((t) => [t.name, t.status])).toEqual([[backend.targets[index]!.name, "inconsistent"]]);
      expect(targets[index]!.migrations.filter((m) => m.checksumMismatch).map((m) => m.id)).toEqual([ID(2)]);
      const { checksums } = await trackingRows(backend, index);
      expect(checksums.get(`music:${ID(2)}`)).toBe("edited");
      // The human table says the same.
      const text = testDeps({ cwd: cwd() });
      expect(await fleetCheck({ fleet: true }, text.deps)).toBe(1);
      expect(text.stdout()).toMatch(new RegExp(`${backend.targets[index]!.name}\\s+inconsistent\\s+shop ${ID(4)}\\s+0\\s+music/${ID(2)} edited since applied`));
      expect(text.stdout()).toContain(`${count} targets: ${count - 1} up to date, 0 behind, 1 inconsistent, 0 failed`);
    }, 300_000);

    it("backwards --fleet reverses on every target, after one confirmation", async () => {
      const refused = testDeps({ cwd: cwd() });
      expect(await fleetBackwards({ app: "shop", fleet: true }, refused.deps)).toBe(3);
      const io = testDeps({ cwd: cwd() });
      expect(await fleetBackwards({ app: "shop", fleet: true, concurrency: "8", autoAgree: true }, io.deps)).toBe(0);
      expect(io.stdout()).toContain(`${count} targets: ${count} reversed, 0 with nothing to reverse, 0 failed`);
      for (const index of [0, broken, count - 1]) expect((await trackingRows(backend, index)).applied).toEqual(MIGRATIONS.slice(0, 3));
    }, 300_000);
  });
}
