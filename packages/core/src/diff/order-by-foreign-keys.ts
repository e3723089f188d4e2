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
  // Tables by name (a later duplicate wins, as in a Map), numbered in name order: comparing
  // numbers is comparing names, and arrays replace maps in the walk below.
  const byName = new Map<string, TableSchema>();
  for (const schema of tables) byName.set(schema.table.name, schema);
  const names = [...byName.keys()];
  if (!isSorted(names)) names.sort(compareStrings);
  const count = names.length;
  const schemas: TableSchema[] = new Array<TableSchema>(count);
  const number = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const name = names[i] as string;
    number.set(name, i);
    schemas[i] = byName.get(name) as TableSchema;
  }
  const edges: (readonly number[])[] = new Array<readonly number[]>(count);
  for (let i = 0; i < count; i++) edges[i] = targetsOf(schemas[i] as TableSchema, i, number);

  // Tarjan's algorithm without recursion (a long FK chain must not overflow the stack).
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const order: TableSchema[] = [];
  const frames: number[] = [];
  const nextEdge: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    frames.push(root);
    nextEdge.push(0);
    while (frames.length > 0) {
      const top = frames.length - 1;
      const node = frames[top] as number;
      const targets = edges[node] as readonly number[];
      const edge = nextEdge[top] as number;
      if (edge < targets.length) {
        nextEdge[top] = edge + 1;
        const target = targets[edge] as number;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          frames.push(target);
          nextEdge.push(0);
        } else if (onStack[target] === 1) {
          low[node] = Math.min(low[node] as number, index[target] as number);
        }
        continue;
      }
      frames.pop();
      nextEdge.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[node] as number);
      if (low[node] !== index[node]) continue;
      // `node` roots a strongly connected component: its members come out together, by name.
      const members: number[] = [];
      let member: number;
      do {
        member = stack.pop() as number;
        onStack[member] = 0;
        component[member] = components;
        members.push(member);
      } while (member !== node);
      components++;
      if (members.length > 1) members.sort((a, b) => a - b);
      for (const m of members) order.push(schemas[m] as TableSchema);
    }
  }

  const deferred = new Set<ForeignKeyEntity>();
  for (const schema of tables) {
    const own = number.get(schema.table.name) as number;
    for (const fk of schema.foreignKeys) {
      const target = number.get(fk.references.table);
      if (target !== undefined && target !== own && component[target] === component[own]) deferred.add(fk);
    }
  }
  return { order, deferred };
}

/** The numbers of the other tables (of the set) that a table's FKs point to, ascending, once each. */
function targetsOf(schema: TableSchema, own: number, number: ReadonlyMap<string, number>): readonly number[] {
  const foreignKeys = schema.foreignKeys;
  if (foreignKeys.length === 0) return NONE;
  const targets: number[] = [];
  for (const fk of foreignKeys) {
    const target = number.get(fk.references.table);
    if (target !== undefined && target !== own && !targets.includes(target)) targets.push(target);
  }
  if (targets.length > 1) targets.sort((a, b) => a - b);
  return targets;
}

const NONE: readonly number[] = Object.freeze([]);

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (compareStrings(names[i - 1] as string, names[i] as string) > 0) return false;
  return true;
}
