import { MigError } from "../errors/mig-error";
import { type MigrationSource, migrationLabel } from "./migration-source";
import type { AppliedMigration } from "./tracking-store";

/** One migration a run will work on: its file (when there is one) and its tracking row (when applied). */
export interface SelectedMigration {
  readonly appName: string;
  readonly id: string;
  readonly source: MigrationSource | undefined;
  readonly applied: AppliedMigration | undefined;
}

export type Selection =
  | { readonly kind: "run"; readonly migrations: readonly SelectedMigration[] }
  | { readonly kind: "nothing-to-do" }
  | { readonly kind: "already-applied"; readonly appName: string; readonly id: string };

const key = (appName: string, id: string) => `${appName}\u0000${id}`;

/** Throws `MIG_E_MIGRATION_FILE` when two sources of one app have the same ID. */
export function assertUniqueSources(sources: readonly MigrationSource[]): void {
  const seen = new Map<string, MigrationSource>();
  for (const source of sources) {
    const k = key(source.appName, source.id);
    const other = seen.get(k);
    if (other) {
      const files = [other.path, source.path].filter((p): p is string => p !== undefined);
      throw new MigError("MIG_E_MIGRATION_FILE", `Two migrations of app "${source.appName}" have the ID ${source.id}${files.length ? `: ${files.join(" and ")}` : ""}`, {
        hint: "Give one of them a new ID (the ID constant in the file), or delete the copy.",
        meta: { appName: source.appName, id: source.id, files },
      });
    }
    seen.set(k, source);
  }
}

/**
 * Forwards: the pending migrations to run, in source order (apps in dependency order, then ID).
 * `"1"` is the next pending one; an ID is every pending one of its app up to and including it.
 * Older never-run migrations (from a merged branch) are pending like any other.
 */
export function selectForwards(sources: readonly MigrationSource[], applied: readonly AppliedMigration[], target: string): Selection {
  const appliedKeys = new Set(applied.map((row) => key(row.appName, row.id)));
  const pending = sources.filter((s) => !appliedKeys.has(key(s.appName, s.id)));
  const toSelected = (s: MigrationSource): SelectedMigration => ({ appName: s.appName, id: s.id, source: s, applied: undefined });

  if (target === "all" || target === "1") {
    const chosen = target === "all" ? pending : pending.slice(0, 1);
    return chosen.length === 0 ? { kind: "nothing-to-do" } : { kind: "run", migrations: chosen.map(toSelected) };
  }
  const matches = sources.filter((s) => s.id === target);
  if (matches.length === 0) {
    const row = applied.find((r) => r.id === target);
    if (row) return { kind: "already-applied", appName: row.appName, id: row.id };
    throw unknownMigration(target, sources.map((s) => s.appName));
  }
  const match = single(matches, target);
  if (appliedKeys.has(key(match.appName, match.id))) return { kind: "already-applied", appName: match.appName, id: match.id };
  const ofApp = sources.filter((s) => s.appName === match.appName);
  const upTo = ofApp.slice(0, ofApp.indexOf(match) + 1).filter((s) => !appliedKeys.has(key(s.appName, s.id)));
  return { kind: "run", migrations: upTo.map(toSelected) };
}

/**
 * Backwards: applied migrations to reverse, newest applied first. `"1"` is the last one applied;
 * an ID is every migration applied after it, and it.
 */
export function selectBackwards(sources: readonly MigrationSource[], applied: readonly AppliedMigration[], target: string): Selection {
  const newestFirst = [...applied].sort((a, b) => b.sequence - a.sequence);
  const bySource = new Map(sources.map((s) => [key(s.appName, s.id), s]));
  const toSelected = (row: AppliedMigration): SelectedMigration => ({
    appName: row.appName,
    id: row.id,
    source: bySource.get(key(row.appName, row.id)),
    applied: row,
  });
  if (newestFirst.length === 0) {
    if (target !== "all" && target !== "1" && !sources.some((s) => s.id === target)) {
      throw unknownMigration(target, sources.map((s) => s.appName));
    }
    return { kind: "nothing-to-do" };
  }
  if (target === "all") return { kind: "run", migrations: newestFirst.map(toSelected) };
  if (target === "1") return { kind: "run", migrations: newestFirst.slice(0, 1).map(toSelected) };
  const matches = newestFirst.filter((r) => r.id === target);
  if (matches.length === 0) {
    const source = sources.find((s) => s.id === target);
    if (!source) throw unknownMigration(target, [...sources.map((s) => s.appName), ...applied.map((r) => r.appName)]);
    throw new MigError("MIG_E_USAGE", `Migration ${migrationLabel(source.appName, source.id)} has not been applied, so it cannot be reversed`, {
      hint: "Run `mig check` to see which migrations are applied.",
      meta: { appName: source.appName, id: source.id },
    });
  }
  const match = single(matches, target);
  return { kind: "run", migrations: newestFirst.slice(0, newestFirst.indexOf(match) + 1).map(toSelected) };
}

function single<T extends { appName: string }>(matches: readonly T[], target: string): T {
  if (matches.length > 1) {
    throw new MigError("MIG_E_USAGE", `Migration ID ${target} exists in several apps: ${matches.map((m) => m.appName).join(", ")}`, {
      hint: "Name the app instead of `all`.",
      meta: { id: target, apps: matches.map((m) => m.appName) },
    });
  }
  return matches[0] as T;
}

function unknownMigration(target: string, apps: readonly string[]): MigError {
  const names = [...new Set(apps)];
  return new MigError("MIG_E_UNKNOWN_MIGRATION", `Migration ${target} is unrecognised${names.length ? ` in ${names.join(", ")}` : ""}`, {
    hint: "Use `1`, `all`, or an ID listed by `mig check`.",
    meta: { id: target },
  });
}
