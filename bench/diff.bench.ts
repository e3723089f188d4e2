/**
 * Diff speed on a large schema: 2,000 tables, 30,000 columns (with FKs, indexes and uniques),
 * diffed against an empty snapshot and against a snapshot with one column different.
 * Target: well under 200 ms each, first (cold) run included. Run: `npx tsx bench/diff.bench.ts`.
 * The first run of each is cold (the JIT has not seen the code yet): that is what a CLI run pays.
 */
import { spawnSync } from "node:child_process";

// Use the packages' TypeScript sources (the `source` export condition), not a possibly stale build.
if (!process.execArgv.includes("--conditions=source")) {
  const child = spawnSync(process.execPath, [...process.execArgv, "--conditions=source", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { diff, Snapshot } = await import("@mig/core");
type Snapshot = import("@mig/core").Snapshot;
type Entity = import("@mig/core").Entity;

const TABLES = 2_000;
const COLUMNS_PER_TABLE = 15;

function schema(changed: boolean): Snapshot {
  const entities: Entity[] = [];
  for (let i = 0; i < TABLES; i++) {
    const table = `table_${String(i).padStart(4, "0")}`;
    entities.push({ kind: "table", name: table, primaryKey: ["id"] });
    entities.push({ kind: "column", table, name: "id", type: "serial", nullable: false, default: null });
    for (let c = 1; c < COLUMNS_PER_TABLE; c++) {
      const nullable = changed && i === TABLES / 2 && c === 3;
      entities.push({ kind: "column", table, name: `column_${c}`, type: c % 2 ? "text" : "integer", nullable, default: null });
    }
    entities.push({ kind: "index", table, name: `${table}_column_1_idx`, columns: ["column_1"], method: "btree" });
    entities.push({ kind: "unique", table, name: `${table}_column_2_key`, columns: ["column_2"] });
    if (i > 0) {
      const target = `table_${String(i - 1).padStart(4, "0")}`;
      entities.push({ kind: "foreign_key", table, name: `${table}_column_4_fkey`, columns: ["column_4"], references: { table: target, columns: ["id"] }, onDelete: "no action", onUpdate: "no action" });
    }
  }
  return Snapshot.fromEntities(entities);
}

/** Runs `diff` on freshly built snapshots (their grouped view is cached, so each run pays for grouping). */
function measureDiff(label: string, build: () => [Snapshot, Snapshot]): void {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const [from, to] = build();
    const start = performance.now();
    diff(from, to);
    times.push(performance.now() - start);
  }
  const first = times[0] ?? 0;
  times.sort((a, b) => a - b);
  console.log(`${label}: first (cold) ${first.toFixed(1)} ms, median ${times[3]?.toFixed(1)} ms, min ${times[0]?.toFixed(1)} ms`);
}

const start = performance.now();
schema(false);
console.log(`build one 30,000-column snapshot: ${(performance.now() - start).toFixed(1)} ms (not part of the diff)`);
measureDiff("diff empty -> 2,000 tables", () => [Snapshot.empty(), schema(false)]);
measureDiff("diff 2,000 tables -> one column different", () => [schema(false), schema(true)]);
console.log(`operations: ${diff(Snapshot.empty(), schema(true)).length} (empty), ${diff(schema(false), schema(true)).length} (one column)`);
