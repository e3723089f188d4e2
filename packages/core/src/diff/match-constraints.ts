import type { CheckEntity, ForeignKeyEntity, IndexEntity, UniqueEntity } from "../snapshot/entities";
import { compareStrings } from "../snapshot/snapshot";
import { sameList } from "./json-equal";

/** The sub-entities of a table that are matched as a whole (indexes and constraints). */
export type ConstraintEntity = IndexEntity | UniqueEntity | CheckEntity | ForeignKeyEntity;

/** What changes between the old and new constraints of one kind on one table. */
export interface ConstraintChanges<C extends ConstraintEntity> {
  /** Old entities to drop, as stored (old table and column names). */
  readonly dropped: readonly C[];
  /** New entities to add. */
  readonly added: readonly C[];
}

/**
 * Matches the old and new constraints of one kind on one table. `translate` restates an old
 * entity in new names (table and column renames, FK target renames) so both sides compare.
 *
 * 1. By stored name: same name, same content → nothing; same name, other content (columns,
 *    check SQL, FK target or actions, index method) → drop the old, add the new.
 * 2. The rest by signature (same columns, same check SQL, same FK target), pairing in name
 *    order: an auto-named index whose table or column was renamed keeps its stored old name
 *    instead of being dropped and re-created. A pair whose other content differs is dropped
 *    and re-added.
 * 3. Whatever is left is dropped or added.
 */
export function matchConstraints<C extends ConstraintEntity>(olds: readonly C[], news: readonly C[], translate: (old: C) => C): ConstraintChanges<C> {
  if (unchanged(olds, news, translate)) return NO_CHANGES;
  const dropped: C[] = [];
  const added: C[] = [];
  const newByName = new Map(news.map((entity) => [entity.name, entity]));
  const matchedNew = new Set<string>();
  const unmatchedOld: { old: C; translated: C }[] = [];
  for (const old of olds) {
    const translated = translate(old);
    const same = newByName.get(old.name);
    if (!same) {
      unmatchedOld.push({ old, translated });
      continue;
    }
    matchedNew.add(same.name);
    if (!sameContent(translated, same)) {
      dropped.push(old);
      added.push(same);
    }
  }
  if (unmatchedOld.length === 0 && matchedNew.size === news.length) return { dropped, added };
  const bySignature = new Map<string, C[]>();
  for (const entity of news.filter((e) => !matchedNew.has(e.name)).sort(byName)) {
    const key = signature(entity);
    const list = bySignature.get(key) ?? [];
    list.push(entity);
    bySignature.set(key, list);
  }
  for (const { old, translated } of unmatchedOld.sort((a, b) => byName(a.old, b.old))) {
    const counterpart = bySignature.get(signature(translated))?.shift();
    if (!counterpart) dropped.push(old);
    else if (!sameContent(translated, counterpart)) {
      dropped.push(old);
      added.push(counterpart);
    }
  }
  for (const list of bySignature.values()) added.push(...list);
  return { dropped, added };
}

const NO_CHANGES: ConstraintChanges<never> = Object.freeze({ dropped: Object.freeze([]), added: Object.freeze([]) });

/** The common case, checked without building maps: both sides (sorted by name) pair up one to one. */
function unchanged<C extends ConstraintEntity>(olds: readonly C[], news: readonly C[], translate: (old: C) => C): boolean {
  if (olds.length !== news.length) return false;
  for (let i = 0; i < olds.length; i++) {
    const old = olds[i] as C;
    const entity = news[i] as C;
    if (old.name !== entity.name || !sameContent(translate(old), entity)) return false;
  }
  return true;
}

function byName(a: ConstraintEntity, b: ConstraintEntity): number {
  return compareStrings(a.name, b.name);
}

/** Equal in everything but the stored name. */
function sameContent(translated: ConstraintEntity, entity: ConstraintEntity): boolean {
  if (translated.kind !== entity.kind || translated.table !== entity.table) return false;
  switch (translated.kind) {
    case "index":
      return entity.kind === "index" && translated.method === entity.method && sameList(translated.columns, entity.columns);
    case "unique":
      return entity.kind === "unique" && sameList(translated.columns, entity.columns);
    case "check":
      return entity.kind === "check" && translated.sql === entity.sql;
    case "foreign_key":
      return (
        entity.kind === "foreign_key" && sameList(translated.columns, entity.columns) &&
        translated.references.table === entity.references.table && sameList(translated.references.columns, entity.references.columns) &&
        translated.onDelete === entity.onDelete && translated.onUpdate === entity.onUpdate
      );
  }
}

/** What identifies a constraint when names differ. */
function signature(entity: ConstraintEntity): string {
  switch (entity.kind) {
    case "index":
    case "unique":
      return JSON.stringify(entity.columns);
    case "check":
      return JSON.stringify(entity.sql);
    case "foreign_key":
      return JSON.stringify([entity.columns, entity.references.table, entity.references.columns]);
  }
}
