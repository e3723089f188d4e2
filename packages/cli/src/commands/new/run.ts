import { statSync } from "node:fs";
import { relative } from "node:path";
import { generateMigrationId, MigError, type MigProblem } from "@mig/core";
import { isDestructive } from "@mig/core/dialect";
import { EXIT, runCommand, type CommandContext, type GlobalOptions } from "../../command-context";
import type { ResolvedApp } from "../../config/load-config";
import type { CliDeps } from "../../deps";
import { describeLoss, describeOperation } from "../../output/describe-operation";
import type { ExitCode } from "../../output/exit-code";
import { planApp, type AppPlan } from "./plan-app";
import { renameResolver } from "./rename-answers";
import { migrationText, writeMigration, type NewMigration } from "./write-migration";

export interface NewOptions extends GlobalOptions {
  /** An app name, or `all` (only with `auto`). */
  readonly app: string;
  readonly auto?: boolean | undefined;
  readonly desc?: string | undefined;
  readonly autoInput?: "y" | "n" | undefined;
  /** `OLD=NEW`: `band=group` or `band.title=band.name`. */
  readonly rename?: readonly string[] | undefined;
  /** `TABLE.COLUMN=VALUE`. */
  readonly backfill?: readonly string[] | undefined;
  readonly allowRebuild?: boolean | undefined;
  /** `--allow-locking`: the locking form of online changes this database cannot make online. */
  readonly allowLocking?: boolean | undefined;
  /** `--online` / `--no-online`; unset: the config's `online`. */
  readonly online?: boolean | undefined;
}

/** The size of a file in bytes; 0 when it is missing (loading it reports that). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function newId(deps: CliDeps): string {
  return deps.newMigrationId ? deps.newMigrationId() : generateMigrationId(deps.now());
}

async function emptyMigration(context: CommandContext, app: ResolvedApp, options: NewOptions): Promise<ExitCode> {
  const migration: NewMigration = { app, id: newId(context.deps), description: options.desc ?? "" };
  const path = writeMigration(migration, migrationText(migration));
  const shown = relative(context.deps.cwd, path);
  if (context.output.json) context.output.result({ created: [{ app: app.name, id: migration.id, path: shown, operations: 0 }], unchanged: [] });
  else context.output.line(`Created ${shown}: fill in its raw function, then run mig forwards ${app.name}`);
  return EXIT.ok;
}

/**
 * `mig new <app|all>`: writes a migration. With `--auto`, the operations that turn the schema of
 * the app's migrations into the schema of its tables; "No changes detected" when there are none.
 * Every question (renames, backfills) is answered by flags, on a TTY, or not at all: then nothing
 * is written and the exit code is 3, listing every open question.
 */
export function run(options: NewOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    if (options.app === "all" && !options.auto) {
      throw new MigError("MIG_E_USAGE", "mig new all needs --auto: an empty migration belongs to one app", {
        hint: "Run mig new all --auto, or mig new <app> for an empty migration",
      });
    }
    const apps = await context.apps(options.app);
    if (!options.auto) return emptyMigration(context, apps[0]!, options);

    const { apps: allApps, config } = await context.config();
    // Before any tables module is loaded: the heap is set up by the schema's size.
    deps.schemaSize?.(allApps.reduce((bytes, app) => bytes + fileSize(app.tablesPath), 0));
    const { dialect } = await context.dialect();
    const targets = await context.targets();
    const online = options.online ?? config.online === true;
    const resolver = renameResolver(options.autoInput, deps);
    const allowRebuild = async (problems: readonly MigProblem[]) => {
      if (options.allowRebuild) return true;
      if (!deps.stdinIsTTY) return false;
      for (const problem of problems) output.note(`cannot be done in place: ${problem.message}`);
      return deps.prompter.confirm("Allow a table rebuild for these changes where the database needs one (copy each table into a new one)?", false);
    };
    const plans: AppPlan[] = [];
    for (const app of apps) {
      plans.push(
        await planApp(
          { app, apps: allApps, dialect, targets, resolver, renames: options.rename ?? [], backfills: options.backfill ?? [], shareFlags: options.app === "all", online, allowLocking: options.allowLocking === true },
          deps,
          allowRebuild,
        ),
      );
    }

    const used = new Set(plans.flatMap((plan) => plan.used));
    const unused = [...(options.rename ?? []).map((a) => `--rename ${a}`), ...(options.backfill ?? []).map((a) => `--backfill ${a}`)].filter(
      (flag) => !used.has(flag.slice(flag.indexOf(" ") + 1)),
    );
    if (unused.length > 0) {
      throw new MigError("MIG_E_USAGE", `${unused.length === 1 ? "An argument answers" : `${unused.length} arguments answer`} no question of any app; nothing was written`, {
        problems: unused.map((flag) => ({ message: `${flag}: no app has this rename or needs this value` })),
        hint: "Check the table and column names (new names after =)",
      });
    }
    const open = plans.flatMap((plan): MigProblem[] =>
      plan.kind === "open" ? plan.questions.map((q) => (apps.length > 1 ? { ...q, message: `[${plan.app.name}] ${q.message}` } : q)) : [],
    );
    if (open.length > 0) {
      throw new MigError("MIG_E_NEEDS_INPUT", `${open.length} question${open.length > 1 ? "s need" : " needs"} an answer; nothing was written`, {
        problems: open,
        meta: { questions: open.map((q) => q.message) },
        hint: "Answer on a terminal, or pass --rename OLD=NEW / --auto-input y|n for renames and --backfill TABLE.COLUMN=VALUE for values",
      });
    }

    if (online && !output.json) {
      // Said once per database that has nothing to offer (SQLite).
      for (const note of new Set([dialect, ...targets].flatMap((target) => (target.online?.note ? [target.online.note] : [])))) output.note(note);
    }
    const created: { app: string; id: string; path: string; operations: number }[] = [];
    const unchanged: string[] = [];
    for (const plan of plans) {
      if (plan.kind !== "operations") continue;
      if (plan.operations.length === 0) {
        unchanged.push(plan.app.name);
        continue;
      }
      const migration: NewMigration = { app: plan.app, id: newId(deps), description: options.desc ?? "", operations: plan.operations };
      const text = migrationText(migration);
      const written = writeMigration(migration, text);
      // The next run takes this file's schema from the replay cache instead of loading it.
      plan.written({ path: written, text, migrationId: migration.id, appName: plan.app.name, operations: plan.operations });
      const path = relative(deps.cwd, written);
      created.push({ app: plan.app.name, id: migration.id, path, operations: plan.operations.length });
      if (!output.json) {
        output.line(`${output.color.green("Created")} ${path}`);
        for (const operation of plan.operations) output.line(`  ${describeOperation(operation)}`);
      }
      // What `mig lint` would say about the locks, on the configured database.
      for (const operation of plan.operations) {
        const lock = operation.kind === "raw" ? undefined : dialect.online?.lockOf?.(operation);
        if (lock?.blocksWrites) {
          const alternative = lock.alternative ? `; online alternative: ${lock.alternative}` : "";
          output.warn(`${describeOperation(operation)} takes ${lock.lock} and blocks writes while it ${lock.work === "rewrite" ? "rewrites" : "scans"} the table${alternative}`);
        }
      }
      const losses = plan.operations.filter(isDestructive);
      if (losses.length > 0) {
        output.warn(`when this migration runs, data will be lost: ${losses.map(describeLoss).join("; ")}`);
      }
    }
    if (output.json) output.result({ created, unchanged });
    else if (created.length === 0) output.line(apps.length > 1 ? "No changes detected in any app" : "No changes detected");
    else if (unchanged.length > 0) output.line(`No changes detected in ${unchanged.join(", ")}`);
    return EXIT.ok;
  });
}
