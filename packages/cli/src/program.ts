import { Command, Option } from "commander";
import { VERSION } from "./version";

/** What the program calls when a command is parsed: the command's name and its options. */
export type Dispatch = (command: CommandName, options: Record<string, unknown>) => Promise<void>;

export type CommandName = "new" | "forwards" | "backwards" | "check" | "clean" | "lint" | "pull";

const collect = (value: string, previous: string[] = []) => [...previous, value];

const examples = (lines: readonly string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/**
 * The `mig` command line (commands and options as the CLI README lists them). Parsing only: each command's action hands its options to
 * `dispatch`, which imports the command lazily.
 */
export function buildProgram(dispatch: Dispatch): Command {
  const program = new Command("mig")
    .description("Schema migrations for PostgreSQL, MySQL/MariaDB and SQLite")
    .version(VERSION, "-v, --version", "print the version")
    .option("--config <path>", "config file (default: mig.config.{ts,mts,js,mjs} in the working directory)")
    .option("--json", "print machine-readable JSON on stdout")
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      "after",
      examples([
        "mig new music --auto",
        "mig forwards all",
        "mig backwards music 1 --auto-agree",
        "mig check --json",
        "DATABASE_URL=postgres://app@127.0.0.1:5432/app mig forwards all",
      ]),
    );

  const action = (name: CommandName, positional: readonly string[]) =>
    async function (this: Command, ...args: unknown[]) {
      const values: Record<string, unknown> = { ...this.optsWithGlobals() };
      positional.forEach((key, i) => {
        if (args[i] !== undefined) values[key] = args[i];
      });
      await dispatch(name, values);
    };

  program
    .command("new")
    .description("write a new migration for an app (--auto: from the changes to its tables)")
    .argument("<app>", "an app name, or all (only with --auto)")
    .option("--auto", "diff the app's tables against its migrations and write the operations")
    .option("--desc <text>", "a description stored in the file", "")
    .addOption(new Option("--auto-input <answer>", "answer every rename question with y or n").choices(["y", "n"]))
    .option("--rename <old=new>", "answer one rename: table (band=group) or column (band.title=band.name); repeatable", collect, [])
    .option("--backfill <table.column=value>", "value for existing rows of a new NOT NULL column; repeatable", collect, [])
    .option("--allow-rebuild", "consent to table rebuilds where a target database cannot make a change in place (recorded in the file)")
    .option("--online", "mark the changes online: made without blocking writes where the database can (recorded in the file; default: the config's online)")
    .option("--no-online", "do not mark the changes online, whatever the config says")
    .option("--allow-locking", "with --online: consent to the locking form of a change a target cannot make without blocking writes (recorded in the file) instead of refusing it")
    .addHelpText(
      "after",
      examples([
        "mig new music                      # an empty migration with a raw function",
        "mig new music --auto --desc 'add popularity'",
        "mig new all --auto",
        "mig new music --auto --rename band.title=band.name",
        "mig new music --auto --auto-input n --backfill band.country=unknown",
        "mig new music --auto --online         # CREATE INDEX CONCURRENTLY, NOT VALID + VALIDATE, ...",
      ]),
    )
    .action(action("new", ["app"]));

  program
    .command("forwards")
    .description("apply pending migrations")
    .argument("<app>", "an app name, or all (apps in dependsOn order)")
    .argument("[target]", "all (default), 1 (the next one), or a migration ID (up to and including it)")
    .option("--fake", "record the migrations as applied without running them")
    .option("--preview", "print the SQL and change nothing")
    .option("--auto-agree", "do not ask before faking several migrations")
    .option("--accept-checksums", "record the new checksum of applied migrations edited since, instead of refusing to run")
    .option("--allow-rebuild", "consent to table rebuilds where this database cannot make a change in place (SQLite)")
    .option("--allow-locking", "consent to the locking form of online changes this database cannot make without blocking writes (MariaDB)")
    .option("--fleet", "run on every target of the config's fleet instead of its one connection")
    .option("--concurrency <n>", "with --fleet: how many targets at once (default 4)")
    .option("--ignore-drift", "run even when the database differs from its applied migrations (see mig check --drift)")
    .addHelpText(
      "after",
      examples(["mig forwards all", "mig forwards all --fleet --concurrency 8", "mig forwards music 1", "mig forwards music 2026-11-22T13:58:23:024723", "mig forwards shop --preview", "mig forwards music --fake"]),
    )
    .action(action("forwards", ["app", "target"]));

  program
    .command("backwards")
    .description("reverse applied migrations, newest first")
    .argument("<app>", "an app name, or all")
    .argument("[target]", "1 (default, the last one), all, or a migration ID (back to and including it)")
    .option("--auto-agree", "do not ask for confirmation")
    .option("--clean", "delete the files of the reversed migrations")
    .option("--preview", "print the SQL and change nothing")
    .option("--accept-checksums", "record the new checksum of applied migrations edited since, instead of refusing to run")
    .option("--allow-rebuild", "consent to table rebuilds where this database cannot make a change in place (SQLite)")
    .option("--allow-locking", "consent to the locking form of online changes this database cannot make without blocking writes (MariaDB)")
    .option("--fleet", "run on every target of the config's fleet instead of its one connection")
    .option("--concurrency <n>", "with --fleet: how many targets at once (default 4)")
    .addHelpText(
      "after",
      examples(["mig backwards music", "mig backwards music all --auto-agree", "mig backwards shop 2026-11-22T13:58:23:024723 --clean", "mig backwards all --preview"]),
    )
    .action(action("backwards", ["app", "target"]));

  program
    .command("check")
    .description("list migrations: applied or not, and applied files edited since")
    .argument("[app]", "one app (default: every app)")
    .option("--fleet", "run on every target of the config's fleet instead of its one connection")
    .option("--concurrency <n>", "with --fleet: how many targets at once (default 4)")
    .option("--drift", "compare the live schema with the applied migrations; exit 1 on any difference")
    .addHelpText("after", examples(["mig check", "mig check music", "mig check --json", "mig check --drift", "mig check --fleet --json"]))
    .action(action("check", ["app"]));

  program
    .command("lint")
    .description("the lock each pending operation takes, whether it scans, rewrites or loses data; exit 1 when one blocks writes or loses data and is not accepted")
    .argument("[app]", "an app name, or all (the default)")
    .argument("[target]", "one migration ID (applied or not) instead of the pending ones")
    .option("--allow-locking", "lint online changes this database refuses online in their locking form, as forwards --allow-locking runs them")
    .addHelpText("after", examples(["mig lint", "mig lint music", "mig lint music 2026-11-22T13:58:23:024723 --json"]))
    .action(action("lint", ["app", "target"]));

  program
    .command("clean")
    .description("delete tracking rows of an app whose migration file no longer exists")
    .argument("<app>", "an app name")
    .option("--auto-agree", "do not ask for confirmation")
    .addHelpText("after", examples(["mig clean music", "mig clean music --auto-agree"]))
    .action(action("clean", ["app"]));

  program
    .command("pull")
    .description("adopt an existing database: write its tables in the DSL and a baseline migration recorded as applied")
    .argument("<app>", "an app without migrations")
    .option("--tables <path>", "where to write the tables module (default: the app's tables path)")
    .option("--schema <name>", "pull this database schema's tables (dialects with schemas)")
    .addHelpText("after", examples(["mig pull legacy", "mig pull legacy --tables src/legacy/pulled.ts", "mig pull legacy --schema billing"]))
    .action(action("pull", ["app"]));

  return program;
}
