import type { RebuildTableOperation } from "../operations/operation";
import type { ForeignKeyEntity } from "../snapshot/entities";
import { compareStrings } from "../snapshot/snapshot";

/**
 * Orders the rebuilds of one plan so that each finds what its foreign-key check needs: a table
 * after the rebuilt tables its new foreign keys reference (their new unique keys exist), and
 * before the rebuilt tables its dropped foreign keys referenced (their columns may go away).
 * Ties, and tables caught in a cycle, go by name.
 */
export function orderRebuilds(rebuilds: readonly RebuildTableOperation[]): RebuildTableOperation[] {
  const byName = new Map(rebuilds.map((r) => [r.from.table.name, r]));
  const after = new Map<string, Set<string>>([...byName.keys()].map((name) => [name, new Set<string>()]));
  const edge = (first: string, then: string) => {
    if (first !== then && byName.has(first) && byName.has(then)) after.get(then)?.add(first);
  };
  for (const [name, rebuild] of byName) {
    for (const fk of rebuild.to.foreignKeys) edge(fk.references.table, name);
    for (const fk of rebuild.from.foreignKeys) if (!rebuild.to.foreignKeys.some((kept) => sameForeignKey(kept, fk))) edge(name, fk.references.table);
  }
  const ordered: RebuildTableOperation[] = [];
  const left = new Set([...byName.keys()].sort(compareStrings));
  while (left.size > 0) {
    const ready = [...left].find((name) => [...(after.get(name) ?? [])].every((first) => !left.has(first))) ?? ([...left][0] as string);
    left.delete(ready);
    ordered.push(byName.get(ready) as RebuildTableOperation);
  }
  return ordered;
}

function sameForeignKey(a: ForeignKeyEntity, b: ForeignKeyEntity): boolean {
  return a.name === b.name && a.references.table === b.references.table && a.references.columns.join("\u0000") === b.references.columns.join("\u0000");
}
