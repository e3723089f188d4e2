import { MigError } from "../errors/mig-error";
import { isMigrationId } from "../manager/migration-id";
import { printString } from "./print-literal";

/** What every migration file starts with. */
export interface MigrationFileInfo {
  /** The migration ID (`generateMigrationId()`). */
  readonly id: string;
  readonly appName: string;
  /** `--desc`; any text. Default `""`. */
  readonly description?: string;
  /** The mig version writing the file. */
  readonly version: string;
}

/**
 * The file up to and including the line that creates the manager, and the lines that end it.
 * The body goes in between, indented by two spaces.
 */
export function migrationFrame(info: MigrationFileInfo): { readonly head: string; readonly tail: string } {
  if (!isMigrationId(info.id)) throw new MigError("MIG_E_INTERNAL", `Not a migration ID: ${JSON.stringify(info.id)}`);
  if (info.appName === "") throw new MigError("MIG_E_INTERNAL", "A migration file needs an app name");
  const head = [
    'import { MigrationManager } from "@mig/core";',
    "",
    `export const ID = ${printString(info.id)};`,
    `export const VERSION = ${printString(info.version)};`,
    `export const DESCRIPTION = ${printString(info.description ?? "")};`,
    "",
    "export async function forwards(): Promise<MigrationManager> {",
    `  const manager = new MigrationManager({ migrationId: ID, appName: ${printString(info.appName)}, description: DESCRIPTION });`,
  ].join("\n");
  const tail = ["  return manager;", "}", ""].join("\n");
  return { head, tail };
}
