import type { Connection } from "../dialect/connection";
import type { Statement } from "../dialect/statement";
import type { Step } from "./plan-migration";

/** Consecutive steps of a migration: a run of statements the connection may send as one batch, or steps to run one at a time. */
export interface StepGroup {
  readonly steps: readonly Step[];
  /** The statements of `steps`, when they may go to `Connection.executeBatch` (two or more, none with parameters). */
  readonly batch?: readonly Statement[];
}

const batchable = (step: Step): step is Step & { readonly kind: "statement" } =>
  step.kind === "statement" && (step.statement.params === undefined || step.statement.params.length === 0);

/**
 * Splits `steps` into groups, in order: with `canBatch` (the connection has `executeBatch`), each
 * run of two or more statements without parameters is one batch group; every other step (raw
 * functions, statements with parameters, a lone statement) is a group of its own.
 */
export function stepGroups(steps: readonly Step[], canBatch: boolean): StepGroup[] {
  if (!canBatch) return steps.map((step) => ({ steps: [step] }));
  const groups: StepGroup[] = [];
  let run: Step[] = [];
  const flush = () => {
    if (run.length >= 2) groups.push({ steps: run, batch: run.map((step) => (step as Step & { readonly kind: "statement" }).statement) });
    else for (const step of run) groups.push({ steps: [step] });
    run = [];
  };
  for (const step of steps) {
    if (batchable(step)) {
      run.push(step);
      continue;
    }
    flush();
    groups.push({ steps: [step] });
  }
  flush();
  return groups;
}

/**
 * Sends `statements` as one batch. False when the batch failed: it then left no trace (the
 * contract of `executeBatch`), and the caller runs the statements one at a time, so that a
 * failure is reported with the exact statement and the driver's own error for it.
 */
export async function runBatch(connection: Connection, statements: readonly Statement[]): Promise<boolean> {
  if (typeof connection.executeBatch !== "function") return false;
  try {
    await connection.executeBatch(statements);
    return true;
  } catch {
    return false;
  }
}
