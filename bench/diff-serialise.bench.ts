/**
 * Diff + serialise speed on a large schema: N tables of 15 columns each (N = 2,000: 30,000
 * columns), with a foreign key, an index and a unique per table and a check on every tenth,
 * diffed against an empty snapshot (the whole schema is new) and against a snapshot with one
 * column different; the operations are then written as a migration file (`serialiseMigration`).
 * Target (N = 2,000): well under 200 ms for diff + serialise, each case, cold; linear in N.
 *
 * Run: `npx tsx bench/diff-serialise.bench.ts [--runs 5] [--sizes 500,1000,2000]`
 *
 * - fresh: every run is a new process that diffs and serialises once: the first call, with the
 *   JIT cold, is what one CLI run (`mig new --auto`) pays. Loading modules and building the two
 *   snapshots happen before the clock starts.
 * - warm: one process runs every case a few times first, then measures `--runs` more.
 *
 * Prints median / min / max in milliseconds for diff, serialise and the two together; the main
 * thread's CPU time for the two together (median / min; Linux: the thread's run time in
 * /proc/self/task/<pid>/schedstat, elsewhere the whole process's CPU time), which is what the
 * clock shows on an idle machine and hardly moves when other processes compete for the cores;
 * and the load average before and after (other processes inflate the clock times; the minimum is
 * then the better estimate). `build` (median) is building the snapshots from their entities,
 * outside the measured part. Below the table: thread CPU per 1,000 tables at each size (the
 * same figure at every size is linear growth), and the 2,000-table fresh figures against the
 * target.
 * `MIG_BENCH_CORE=/path/to/core/src/index.ts` measures another copy of the core sources.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

// Use the packages' TypeScript sources (the `source` export condition), not a possibly stale build.
if (!process.execArgv.includes("--conditions=source")) {
  const child = spawnSync(process.execPath, [...process.execArgv, "--conditions=source", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

// MIG_BENCH_CORE: another copy of the core sources to compare with (its `src/index.ts`).
const core = (await import(process.env.MIG_BENCH_CORE || "@mig/core")) as typeof import("@mig/core");
const { diff, serialiseMigration, Snapshot } = core;
type Snapshot = import("@mig/core").Snapshot;
type Entity = import("@mig/core").Entity;

type Case = "empty" | "one-column";
const CASES: readonly Case[] = ["empty", "one-column"];
const COLUMNS_PER_TABLE = 15;
const WARM_UP = 3;

interface Sample {
  readonly diff: number;
  readonly serialise: number;
  readonly total: number;
  readonly cpu: number;
  readonly build: number;
  readonly operations: number;
  readonly bytes: number;
}

const pad = (i: number): string => String(i).padStart(5, "0");

type Column = Extract<Entity, { kind: "column" }>;

/** The schema of `tables` tables; `changed`: column `code` of the middle table becomes nullable. */
function schema(tables: number, changed: boolean): Snapshot {
  const entities: Entity[] = [];
  for (let i = 0; i < tables; i++) {
    const table = `table_${pad(i)}`;
    entities.push({ kind: "table", name: table, primaryKey: ["id"] });
    const column = (name: string, definition: Pick<Column, "type"> & Partial<Column>) =>
      entities.push({ kind: "column", table, name, nullable: false, default: null, ...definition });
    column("id", { type: "serial" });
    column("name", { type: "varchar", length: 100 });
    column("code", { type: "integer", nullable: changed && i === Math.floor(tables / 2) });
    column("parent_id", { type: "integer", nullable: true });
    column("description", { type: "text", nullable: true });
    column("price", { type: "numeric", precision: 10, scale: 2, default: { kind: "value", value: "0.00" } });
    column("quantity", { type: "integer", default: { kind: "value", value: 0 } });
    column("active", { type: "boolean", default: { kind: "value", value: true } });
    column("created_at", { type: "timestamptz", default: { kind: "now" } });
    column("updated_at", { type: "timestamptz", nullable: true });
    column("uid", { type: "uuid", default: { kind: "random" } });
    column("score", { type: "doublePrecision", nullable: true });
    column("big", { type: "bigint", nullable: true });
    column("born", { type: "date", nullable: true });
    column("data", { type: "jsonb", nullable: true });
    entities.push({ kind: "index", table, name: `${table}_code_idx`, columns: ["code"], method: "btree" });
    entities.push({ kind: "unique", table, name: `${table}_name_key`, columns: ["name"] });
    if (i % 10 === 0) entities.push({ kind: "check", table, name: `${table}_1_check`, sql: "quantity >= 0" });
    if (i > 0) {
      const target = `table_${pad(Math.floor(i / 2))}`;
      entities.push({
        kind: "foreign_key", table, name: `${table}_parent_id_fkey`, columns: ["parent_id"],
        references: { table: target, columns: ["id"] }, onDelete: "cascade", onUpdate: "no action",
      });
    }
  }
  return Snapshot.fromEntities(entities);
}

/** Fresh snapshots on both sides (a snapshot caches its grouped view: each run pays for it). */
function inputs(tables: number, kind: Case): [Snapshot, Snapshot] {
  return kind === "empty" ? [Snapshot.empty(), schema(tables, false)] : [schema(tables, false), schema(tables, true)];
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** CPU time of this (the main) thread in ms: on Linux from the scheduler, elsewhere the process's. */
function threadTime(): number {
  try {
    return Number(readFileSync(SCHEDSTAT, "utf8").split(" ")[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

function measure(tables: number, kind: Case): Sample {
  const built = performance.now();
  const [from, to] = inputs(tables, kind);
  const build = performance.now() - built;
  const cpu = threadTime();
  const start = performance.now();
  const operations = diff(from, to);
  const middle = performance.now();
  const source = serialiseMigration({ id: "2026-11-22T13:58:23:024723", appName: "bench", description: "", version: "0.1.0", operations });
  const end = performance.now();
  const used = threadTime() - cpu;
  return { diff: middle - start, serialise: end - middle, total: end - start, cpu: used, build, operations: operations.length, bytes: source.length };
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

/** Writes to stdout and waits until it is out (a pipe is asynchronous: exiting early cuts it). */
function print(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}

// Child modes: one cold measurement, or a warm series; the result goes to stdout as JSON.
const mode = option("mode", "main");
if (mode === "file") {
  // The migration file the measured run writes, to look at: `--mode file --tables 3`.
  const [from, to] = inputs(Number(option("tables", "3")), option("case", "empty") as Case);
  await print(serialiseMigration({ id: "2026-11-22T13:58:23:024723", appName: "bench", description: "", version: "0.1.0", operations: diff(from, to) }));
  process.exit(0);
}
if (mode === "fresh") {
  await print(JSON.stringify([measure(Number(option("tables", "2000")), option("case", "empty") as Case)]));
  process.exit(0);
}
if (mode === "warm") {
  const tables = Number(option("tables", "2000"));
  const kind = option("case", "empty") as Case;
  const runs = Number(option("runs", "5"));
  for (let i = 0; i < WARM_UP; i++) measure(tables, kind);
  await print(JSON.stringify(Array.from({ length: runs }, () => measure(tables, kind))));
  process.exit(0);
}

function child(args: readonly string[]): Sample[] {
  const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`child ${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) as string) as Sample[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const ms = (value: number): string => value.toFixed(1).padStart(6);

function stats(values: readonly number[]): string {
  return `${ms(median(values))} ${ms(Math.min(...values))} ${ms(Math.max(...values))}`;
}

const runs = Math.max(5, Number(option("runs", "5")));
const sizes = option("sizes", "500,1000,2000").split(",").map(Number);
const TARGET = { tables: 2000, ms: 200 };
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

console.log(`diff + serialise, ${COLUMNS_PER_TABLE} columns a table; ${runs} runs each; node ${process.version}; load average ${load()}`);
console.log("times in ms: median / min / max (thread cpu: median / min)");
const header =
  `${"process".padEnd(7)} ${"tables".padStart(6)} ${"case".padEnd(10)} ${"ops".padStart(5)} ${"file KB".padStart(7)} ${"build".padStart(6)} | ` +
  `${"diff".padEnd(20)} | ${"serialise".padEnd(20)} | ${"diff + serialise".padEnd(20)} | thread cpu`;
console.log(header);
console.log("-".repeat(header.length));
const verdicts: string[] = [];
const perTable: string[] = [];
for (const where of ["fresh", "warm"] as const) {
  for (const kind of CASES) {
    const samples = new Map<number, Sample[]>(sizes.map((tables) => [tables, []]));
    const args = (tables: number) => ["--tables", String(tables), "--case", kind];
    if (where === "fresh") {
      // Sizes take turns, so that a change in the machine's load hits them alike.
      for (let run = 0; run < runs; run++) for (const tables of sizes) samples.get(tables)?.push(...child(["--mode", "fresh", ...args(tables)]));
    } else {
      for (const tables of sizes) samples.get(tables)?.push(...child(["--mode", "warm", "--runs", String(runs), ...args(tables)]));
    }
    const costs: string[] = [];
    for (const tables of sizes) {
      const list = samples.get(tables) ?? [];
      const first = list[0] as Sample;
      const cpu = list.map((s) => s.cpu);
      const total = list.map((s) => s.total);
      console.log(
        `${where.padEnd(7)} ${String(tables).padStart(6)} ${kind.padEnd(10)} ${String(first.operations).padStart(5)} ${(first.bytes / 1024).toFixed(0).padStart(7)} ${ms(median(list.map((s) => s.build)))} | ` +
          `${stats(list.map((s) => s.diff))} | ${stats(list.map((s) => s.serialise))} | ${stats(total)} | ${ms(median(cpu))} ${ms(Math.min(...cpu))}`,
      );
      costs.push(`${(median(cpu) / (tables / 1000)).toFixed(1)} (${tables})`);
      if (where === "fresh" && tables === TARGET.tables) {
        const clock = median(total);
        const mark = (value: number) => `${value.toFixed(0)} ms${value < TARGET.ms ? "" : " (over)"}`;
        verdicts.push(`${kind}: clock median ${mark(clock)}, thread cpu median ${mark(median(cpu))}`);
      }
    }
    perTable.push(`${where} ${kind}: ${costs.join(", ")}`);
  }
}
console.log(`\nthread cpu per 1,000 tables (linear: about the same at every size): ${perTable.join("; ")}`);
if (verdicts.length > 0) console.log(`target, ${TARGET.tables} tables, fresh process, under ${TARGET.ms} ms: ${verdicts.join("; ")}`);
console.log(`load average after: ${load()}`);
