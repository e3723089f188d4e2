import { MigError } from "../errors/mig-error";
import { type MigrationSource, migrationLabel } from "./migration-source";
import type { SelectedMigration } from "./select-migrations";
import type { AppliedMigration, Direction, ProgressRecord } from "./tracking-store";

const key = (appName: string, id: string) => `${appName}\u0000${id}`;

/** Applied migrations whose file changed since they ran. */
export function checksumMismatches(
  sources: readonly MigrationSource[],
  applied: readonly AppliedMigration[],
): { readonly source: MigrationSource; readonly applied: AppliedMigration }[] {
  const rows = new Map(applied.map((row) => [key(row.appName, row.id), row]));
  return sources.flatMap((source) => {
    const row = rows.get(key(source.appName, source.id));
    return row && row.checksum !== source.checksum ? [{ source, applied: row }] : [];
  });
}

export function checksumError(mismatches: ReturnType<typeof checksumMismatches>): MigError {
  const files = mismatches.map((m) => m.source.path ?? migrationLabel(m.source.appName, m.source.id));
  return new MigError("MIG_E_CHECKSUM", `Applied migration${files.length > 1 ? "s were" : " was"} edited after running: ${files.join(", ")}`, {
    hint: "Restore the file as it was when it ran, or accept the change explicitly (--accept-checksums) to record the new checksum.",
    meta: { migrations: mismatches.map((m) => ({ appName: m.source.appName, id: m.source.id, file: m.source.path })) },
    problems: files.map((file) => ({ message: "edited after it was applied", path: file })),
  });
}

/**
 * Fits the progress rows of interrupted step-by-step migrations into a run: the interrupted
 * migration of this direction goes first and resumes; anything else half-done is a refusal
 * (`MIG_E_PARTIAL`), since running around it could build on a half-applied schema.
 */
export function reconcileProgress(
  direction: Direction,
  selected: readonly SelectedMigration[],
  progress: readonly ProgressRecord[],
): { readonly order: readonly SelectedMigration[]; readonly resume: ReadonlyMap<string, ProgressRecord> } | MigError {
  const resume = new Map<string, ProgressRecord>();
  let order = [...selected];
  for (const record of progress) {
    const label = migrationLabel(record.appName, record.id);
    const stopped = `stopped part-way ${record.direction === "backwards" ? "going backwards " : ""}(${record.statementsDone} of ${record.total} steps done${record.error ? `: ${record.error}` : ""})`;
    const meta = { appName: record.appName, id: record.id, direction: record.direction, statementsDone: record.statementsDone, total: record.total };
    if (record.direction !== direction) {
      return new MigError("MIG_E_PARTIAL", `Migration ${label} ${stopped}`, {
        hint: `Run ${record.direction} again to finish it first.`,
        meta,
      });
    }
    const match = order.find((s) => s.appName === record.appName && s.id === record.id);
    if (!match) {
      return new MigError("MIG_E_PARTIAL", `Migration ${label} ${stopped}, and this run does not include it`, {
        hint: `Run ${direction} for ${record.appName} up to ${record.id} (or all) to resume it first.`,
        meta,
      });
    }
    if (!match.source || match.source.checksum !== record.checksum) {
      return new MigError("MIG_E_PARTIAL", `Migration ${label} ${stopped}, and its file has changed since`, {
        hint: "Restore the file as it was, so the run can resume after the completed steps; or finish the migration by hand and delete its row from the progress table.",
        meta,
      });
    }
    resume.set(key(record.appName, record.id), record);
    order = [match, ...order.filter((s) => s !== match)];
  }
  return { order, resume };
}

export function resumeKey(appName: string, id: string): string {
  return key(appName, id);
}
