import { MigError, isMigError } from "../errors/mig-error";
import type { Operation, SchemaOperation } from "../operations/operation";
import type { ManagerCall } from "../manager/call-formats";
import { callToOperation, isLoadableCall } from "../manager/read-call";
import { operationToCall } from "../manager/write-call";
import { type MigrationFileInfo, migrationFrame } from "./migration-header";
import { printLiteral } from "./print-literal";

export interface SerialiseMigrationInput extends MigrationFileInfo {
  /** Schema operations, in the order they run (the diff's order). */
  readonly operations: readonly Operation[];
}

/** Methods whose argument is a whole table: always written over several lines. */
const TABLE_METHODS: ReadonlySet<string> = new Set(["addTable", "dropTable", "rebuildTable"]);

/**
 * The TypeScript source of an `--auto` migration file: `ID`, `VERSION`, `DESCRIPTION` and a
 * `forwards()` that records one manager call per operation, with plain literal arguments only
 * (the file imports nothing but `MigrationManager`). Formatted for review; the same input gives
 * the same bytes. Loading the file and replaying its manager gives back the operations.
 *
 * Raw functions cannot be written (`MIG_E_INTERNAL`): they never come out of the diff.
 *
 * @example
 * ```ts
 * const source = serialiseMigration({ id: generateMigrationId(), appName: "music", description: "", version: "0.1.0", operations });
 * await writeFile(join(dir, migrationFileName("music", id)), source);
 * ```
 */
export function serialiseMigration(input: SerialiseMigrationInput): string {
  const { head, tail } = migrationFrame(input);
  // A blank line after the manager, before `return`, and around calls that span several lines.
  const lines: string[] = [head];
  let previousSpans = true;
  for (let index = 0; index < input.operations.length; index++) {
    const call = printCall(input.operations[index] as Operation, index);
    if (call.spans || previousSpans) lines.push("");
    lines.push(call.text);
    previousSpans = call.spans;
  }
  lines.push("", tail);
  return lines.join("\n");
}

function printCall(operation: Operation, index: number): { readonly text: string; readonly spans: boolean } {
  if (operation.kind === "raw") {
    throw new MigError("MIG_E_INTERNAL", `Operation ${index + 1} is a raw function: only schema operations can be written into a migration file`);
  }
  const call = operationToCall(operation);
  // The file must load: the argument must pass the manager's checks when it runs. The fast
  // check proves it for the usual calls; for the rest, check exactly as the manager will.
  if (!isLoadableCall(call)) loadsOrThrow(call, operation, index);
  const prefix = `  manager.${call.method}(`;
  // `taken`: "manager.method(" after the indent, and ");" after the argument.
  const broken = TABLE_METHODS.has(call.method);
  const argument = printLiteral(call.argument, { indent: "  ", taken: prefix.length - 2 + 2, breakOuter: broken });
  // A table argument (an object with fields) is always broken over several lines.
  return { text: `${prefix}${argument});`, spans: broken || argument.includes("\n") };
}

function loadsOrThrow(call: ManagerCall, operation: SchemaOperation, index: number): void {
  try {
    callToOperation(call.method, call.argument);
  } catch (error) {
    if (!isMigError(error)) throw error;
    throw new MigError("MIG_E_INTERNAL", `Operation ${index + 1} (${operation.kind}) would write a migration file that does not load: ${error.message}`, {
      meta: { ...error.meta, operationIndex: index },
      cause: error,
    });
  }
}
