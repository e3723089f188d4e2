import { type MigrationFileInfo, migrationFrame } from "./migration-header";

/**
 * The TypeScript source of a migration file to fill in by hand (`mig new` without `--auto`):
 * a raw function to run forwards and one to run backwards, each with an example in a comment.
 *
 * @example
 * ```ts
 * const source = serialiseEmptyMigration({ id: generateMigrationId(), appName: "music", version: "0.1.0" });
 * ```
 */
export function serialiseEmptyMigration(info: MigrationFileInfo): string {
  const { head, tail } = migrationFrame(info);
  const body = [
    "",
    "  manager.addRaw(async (db) => {",
    '    // await db.raw("UPDATE band SET popularity = {}", 1000);',
    "  });",
    "",
    "  manager.addRawBackwards(async (db) => {",
    "    // Runs only when this migration is reversed.",
    "  });",
  ].join("\n");
  return `${head}\n${body}\n\n${tail}`;
}
