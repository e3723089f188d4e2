import type { ForeignKeyEntity, TableSchema } from "../snapshot/entities";
import { compareStrings } from "../snapshot/snapshot";

/** Tables in creation order, and the foreign keys that must be added after all of them. */
export interface ForeignKeyOrder {
  readonly order: readonly TableSchema[];
  /** FKs between tables of one cycle (self FKs excluded: a table may reference itself). */
  readonly deferred: Set<ForeignKeyEntity>;
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point to (only FKs
 * between the given tables count). Tables that reference each other in a cycle cannot be
 * ordered: they come out together, by name, and the FKs inside the cycle are `deferred`
 * (created as `add_foreign_key` after the tables). Deterministic: ties are broken by name.
 *
 * Tarjan's algorithm emits strongly connected components dependencies-first, which is exactly
 * creation order; visiting tables and edges by name makes the order stable.
 */
export function orderByForeignKeys(tables: readonly TableSchema[]): ForeignKeyOrder {
  const byName = new Map(tables.map((schema) => [schema.table.name, schema]));
  const names = [...byName.keys()].sort(compareStrings);
  const edges = new Map<string, string[]>();
  for (const name of names) {
    const targets = new Set<string>();
    for (const fk of byName.get(name)?.foreignKeys ?? []) {
      if (fk.references.table !== name && byName.has(fk.references.table)) targets.add(fk.references.table);
    }
    edges.set(name, [...targets].sort(compareStrings));
  }

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  const order: TableSchema[] = [];
  let counter = 0;
  let components = 0;

  const visit = (name: string): void => {
    index.set(name, counter);
    low.set(name, counter);
    counter++;
    stack.push(name);
    onStack.add(name);
    for (const target of edges.get(name) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(name, Math.min(low.get(name) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(name, Math.min(low.get(name) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(name) !== index.get(name)) return;
    const members: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.set(member, components);
      members.push(member);
    } while (member !== name);
    components++;
    for (const m of members.sort(compareStrings)) {
      const schema = byName.get(m);
      if (schema) order.push(schema);
    }
  };
  for (const name of names) if (!index.has(name)) visit(name);

  const deferred = new Set<ForeignKeyEntity>();
  for (const schema of tables) {
    for (const fk of schema.foreignKeys) {
      const target = fk.references.table;
      if (target !== schema.table.name && component.has(target) && component.get(target) === component.get(schema.table.name)) deferred.add(fk);
    }
  }
  return { order, deferred };
}
