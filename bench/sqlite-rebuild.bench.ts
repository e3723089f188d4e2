/**
 * SQLite table rebuild speed: mig's `rebuild_table` (through `runForwards`, with its checks: foreign
 * keys off outside the transaction, dependents, row counts, AUTOINCREMENT counter, foreign_key_check)
 * against a hand-written rebuild of the same change on the same data (PRAGMA foreign_keys = OFF;
 * BEGIN; CREATE TABLE new; INSERT INTO new SELECT … FROM old; DROP; RENAME; CREATE INDEX; COMMIT).
 *
 * The table: 1,000,000 rows, 6 columns, an index and a unique constraint, and a child table of
 * 100,000 rows referencing it (ON DELETE CASCADE). The change: `name` varchar(50) NULL → text NOT
 * NULL (NULLs backfilled), `qty` integer → bigint. Each run starts from a copy of the same file.
 * Target: mig within 1.3× of the hand-written rebuild. Run: `npx tsx bench/sqlite-rebuild.bench.ts`
 * (`ROWS=100000` for a quick run, `RUNS=9` for more runs).
 */
import { spawnSync } from "node:child_process";

// Use the packages' TypeScript sources (the `source` export condition), not a possibly stale build.
if (!process.execArgv.includes("--conditions=source")) {
  const child = spawnSync(process.execPath, [...process.execArgv, "--conditions=source", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { copyFileSync, mkdtempSync, rmSync } = await import("node:fs");
const { tmpdir } = await import("node:os");
const { join } = await import("node:path");
const core = await import("@mig/core");
const testing = await import("@mig/core/testing");
const { sqliteDialect } = await import("@mig/sqlite");
type SqliteConnection = import("@mig/sqlite").SqliteConnection;

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const CHILD_ROWS = Math.round(ROWS / 10);
const RUNS = Math.max(5, Number(process.env.RUNS ?? 7));
const { col, schema, testMigration, testMigrationId, value } = testing;

const item = { name: "item", columns: [col("id", "serial"), col("code", "text"), col("name", "varchar", { length: 50, nullable: true }), col("qty", "integer"), col("price", "numeric", { precision: 10, scale: 2 }), col("added", "text", { default: value("2026-01-01") })], indexes: [{ name: "item_name_idx", columns: ["name"] }], uniques: [{ name: "item_code_key", columns: ["code"] }] };
const sale = { name: "sale", columns: [col("id", "serial"), col("item", "integer"), col("amount", "integer")], foreignKeys: [{ name: "sale_item_fkey", columns: ["item"], references: { table: "item", columns: ["id"] }, onDelete: "cascade" as const }] };
const v1 = schema(item, sale);
const v2 = schema({ ...item, columns: item.columns.map((c) => (c.name === "name" ? col("name", "text") : c.name === "qty" ? col("qty", "bigint") : c)) }, sale);

const plan = core.planForDialect(core.diff(v1, v2, { backfill: { "item.name": "(none)" } }), core.resolveCapabilities(sqliteDialect.capabilities), { allowRebuild: true, from: v1 });
if (plan.length !== 1 || plan[0]?.kind !== "rebuild_table") throw new Error(`expected one rebuild_table, got ${plan.map((op) => op.kind).join(", ")}`);
const create = testMigration({ appName: "bench", id: testMigrationId(1), operations: v1.tables().map((table) => ({ kind: "create_table" as const, schema: table })) });
const rebuild = testMigration({ appName: "bench", id: testMigrationId(2), operations: plan });

const HAND_WRITTEN = `
BEGIN IMMEDIATE;
CREATE TABLE "item_new" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "qty" BIGINT NOT NULL,
  "price" NUMERIC(10, 2) NOT NULL,
  "added" TEXT NOT NULL DEFAULT '2026-01-01',
  CONSTRAINT "item_code_key" UNIQUE ("code")
);
INSERT INTO "item_new" ("id", "code", "name", "qty", "price", "added")
SELECT "id", "code", COALESCE("name", '(none)'), "qty", "price", "added" FROM "item";
DROP TABLE "item";
ALTER TABLE "item_new" RENAME TO "item";
CREATE INDEX "item_name_idx" ON "item" ("name");
COMMIT;`;

const dir = mkdtempSync(join(tmpdir(), "mig-rebuild-bench-"));
const template = join(dir, "template.db");

async function open(filename: string) {
  return (await sqliteDialect.connect({ filename })) as SqliteConnection;
}

async function prepareTemplate(): Promise<void> {
  const started = performance.now();
  const connection = await open(template);
  const created = await core.runForwards({ dialect: sqliteDialect, connection, sources: [create] });
  if (!created.ok) throw created.error;
  connection.driver.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO item (code, name, qty, price) SELECT 'c' || i, CASE WHEN i % 10 = 0 THEN NULL ELSE 'item ' || i END, i % 1000, (i % 100000) / 100.0 FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CHILD_ROWS})
    INSERT INTO sale (item, amount) SELECT 1 + (i * 7) % ${ROWS}, i % 50 FROM n;`);
  await connection.close();
  console.log(`template: ${ROWS.toLocaleString("en")} items, ${CHILD_ROWS.toLocaleString("en")} sales in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Copies the template, runs `variant` on it, checks the result, and returns the time it took. */
async function measure(variant: "mig" | "hand", run: number): Promise<number> {
  const filename = join(dir, `${variant}-${run}.db`);
  copyFileSync(template, filename);
  const connection = await open(filename);
  const db = connection.driver;
  const started = performance.now();
  if (variant === "mig") {
    const result = await core.runForwards({ dialect: sqliteDialect, connection, sources: [create, rebuild] });
    if (!result.ok) throw result.error;
  } else {
    db.pragma("foreign_keys = OFF");
    db.exec(HAND_WRITTEN);
    db.pragma("foreign_keys = ON");
  }
  const elapsed = performance.now() - started;
  const counts = db.prepare("SELECT (SELECT count(*) FROM item) AS items, (SELECT count(*) FROM sale) AS sales, (SELECT count(*) FROM item WHERE name = '(none)') AS backfilled").get() as Record<string, number>;
  if (counts.items !== ROWS || counts.sales !== CHILD_ROWS || counts.backfilled !== Math.floor(ROWS / 10)) throw new Error(`${variant}: wrong result ${JSON.stringify(counts)}`);
  const remaining = core.diff(sqliteDialect.normalise?.(await sqliteDialect.introspector.introspect(connection)) ?? v2, sqliteDialect.normalise?.(v2) ?? v2);
  if (remaining.length > 0) throw new Error(`${variant}: the schema is not the target: ${remaining.map((op) => op.kind).join(", ")}`);
  await connection.close();
  rmSync(filename, { force: true });
  return elapsed;
}

const stats = (times: readonly number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] as number, min: sorted[0] as number, max: sorted.at(-1) as number };
};

try {
  await prepareTemplate();
  const times = { mig: [] as number[], hand: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so that neither variant always runs on a warmer page cache.
    for (const variant of run % 2 === 0 ? (["mig", "hand"] as const) : (["hand", "mig"] as const)) times[variant].push(await measure(variant, run));
  }
  const hand = stats(times.hand);
  const mig = stats(times.mig);
  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9);
  console.log(`\nRebuild of ${ROWS.toLocaleString("en")} rows (${CHILD_ROWS.toLocaleString("en")} child rows), ${RUNS} runs each\n`);
  console.log("| variant                                   |    median |       min |       max | median ratio |");
  console.log("| ----------------------------------------- | --------: | --------: | --------: | -----------: |");
  console.log(`| hand-written INSERT INTO new SELECT …     | ${ms(hand.median)} | ${ms(hand.min)} | ${ms(hand.max)} |        1.00× |`);
  console.log(`| mig rebuild_table (runForwards, checked)  | ${ms(mig.median)} | ${ms(mig.min)} | ${ms(mig.max)} | ${`${(mig.median / hand.median).toFixed(2)}×`.padStart(12)} |`);
  console.log(`\ntarget: mig within 1.30× of the hand-written rebuild: ${mig.median / hand.median <= 1.3 ? "met" : "NOT met"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
