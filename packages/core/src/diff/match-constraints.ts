import type { CheckEntity, ForeignKeyEntity, IndexEntity, UniqueEntity } from "../snapshot/entities";
import { compareStrings } from "../snapshot/snapshot";
import { jsonEqual } from "./json-equal";

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
  const bySignature = new Map<string, C[]>();
  for (const entity of [...news].sort(byName)) {
    if (matchedNew.has(entity.name)) continue;
    const list = bySignature.get(signature(entity)) ?? [];
    list.push(entity);
    bySignature.set(signature(entity), list);
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

function byName(a: ConstraintEntity, b: ConstraintEntity): number {
  return compareStrings(a.name, b.name);
}

/** Equal in everything but the stored name. */
function sameContent(translated: ConstraintEntity, entity: ConstraintEntity): boolean {
  return jsonEqual({ ...translated, name: entity.name }, entity);
}

/** What identifies a constraint when names differ. */
function signature(entity: ConstraintEntity): string {
  switch (entity.entity) {
    case "index":
    case "unique":
      return JSON.stringify(entity.columns);
    case "check":
      return JSON.stringify(entity.sql);
    case "foreign_key":
      return JSON.stringify([entity.columns, entity.references.table, entity.references.columns]);
  }
}
