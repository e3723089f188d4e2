import { DEFAULT_TRACKING_TABLE, type LintedMigration, type LintedOperation, lintMigrations } from "@mig/core/internal";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import { describeOperation } from "../../output/describe-operation";
import type { ExitCode } from "../../output/exit-code";
import type { Output } from "../../output/output";
import { loadSources } from "../../project/load-sources";

export interface LintOptions extends GlobalOptions {
  /** An app, or `all` (the default). */
  readonly app?: string | undefined;
  /** One migration ID: lint it, applied or not, instead of the pending ones. */
  readonly target?: string | undefined;
  /** `--allow-locking`: lint online changes this database refuses online in their locking form. */
  readonly allowLocking?: boolean | undefined;
}

/** One operation of `mig lint --json`. */
function operationJson(linted: LintedOperation) {
  const { operation, lock, losesData, finding } = linted;
  return {
    kind: operation.kind,
    description: describeOperation(operation),
    online: "online" in operation && operation.online === true,
    ...(lock ? { lock: lock.lock, work: lock.work, blocksWrites: lock.blocksWrites, ...(lock.alternative ? { alternative: lock.alternative } : {}), ...(lock.waits ? { waits: lock.waits } : {}) } : {}),
    losesData,
    finding,
  };
}

function printMigration(output: Output, migration: LintedMigration): void {
  const c = output.color;
  const verdict = migration.fails ? c.red("blocks writes or loses data") : migration.accepted && migration.operations.some((o) => o.finding) ? c.yellow("accepted") : c.green("ok");
  output.line(`${migration.appName} ${migration.id}: ${verdict}`);
  for (const { operation, lock, losesData, finding } of migration.operations) {
    const parts = [lock ? `${lock.lock}` : "lock unknown"];
    if (lock && lock.work !== "none") parts.push(lock.work === "scan" ? "scans the table" : "rewrites the table");
    if (lock?.blocksWrites) parts.push("blocks writes while it runs");
    if (losesData) parts.push("loses data");
    const alternative = lock?.alternative ? ` (online alternative: ${lock.alternative})` : "";
    output.line(`  ${finding ? c.red("!") : "-"} ${describeOperation(operation)}: ${parts.join(", ")}${alternative}`);
  }
}

/**
 * `mig lint [app|all] [ID]`: for each pending migration (or the one named), every operation as it
 * would run on the configured database, with the lock it takes, whether it scans or rewrites the
 * table and whether it loses data. Exit 1 when one blocks writes or loses data and its migration
 * is not accepted (`accept: true` in its MigrationManager), so CI can gate on it.
 */
export function run(options: LintOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    const apps = await context.apps(options.app ?? "all");
    const sources = await loadSources(apps, deps);
    const config = (await context.config()).config;
    const linted = await context.withConnection((dialect, connection) =>
      lintMigrations({
        dialect,
        connection,
        sources,
        apps: apps.map((a) => a.name),
        trackingTable: config.trackingTable ?? DEFAULT_TRACKING_TABLE,
        ...(options.target ? { ids: [options.target] } : {}),
        ...(options.allowLocking === true ? { allowLocking: true } : {}),
      }),
    );
    const fails = linted.some((m) => m.fails);
    if (output.json) {
      output.result({
        ok: !fails,
        migrations: linted.map((m) => ({ app: m.appName, id: m.id, accepted: m.accepted, fails: m.fails, operations: m.operations.map(operationJson) })),
      });
    } else {
      if (linted.length === 0) output.line(options.target ? `No migration ${options.target}` : "No pending migrations");
      for (const migration of linted) printMigration(output, migration);
      // What the lock waits do (behind autovacuum or a long transaction; MariaDB: its metadata lock), once each.
      for (const waits of new Set(linted.flatMap((m) => m.operations.flatMap((o) => (o.lock?.waits ? [o.lock.waits] : []))))) output.note(waits);
      if (fails) output.line("Make these changes online (mig new --online), or accept them with `accept: true` in the migration's MigrationManager");
    }
    return fails ? EXIT.failed : EXIT.ok;
  });
}
