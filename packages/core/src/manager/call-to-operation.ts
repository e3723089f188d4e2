import { CONSENT_KEYS, takesConsent, type SchemaOperation } from "../operations/operation";
import type { JsonValue } from "../schema/types";
import type { ManagerMethod } from "./manager-calls";
import { argumentError, readBoolean, readChoice, readJson, readName, readObject, readRecord } from "./read-arguments";
import {
  COLUMN_STATE_KEYS,
  readCheck,
  readColumn,
  readColumnState,
  readForeignKey,
  readIndex,
  readTable,
  readUnique,
} from "./read-entities";

/**
 * Checks and converts the argument of a manager call into the operation it records.
 * Throws `MIG_E_MIGRATION_FILE` naming the offending field.
 */
export function callToOperation(method: ManagerMethod, argument: unknown): SchemaOperation {
  // The consent keys (`allowRebuild`, `online`, `allowLocking`) are the ones every in-table call may carry: read them here, once.
  if (typeof argument === "object" && argument !== null && CONSENT_KEYS.some((key) => key in argument)) {
    const rest: Record<string, unknown> = { ...(argument as Record<string, unknown>) };
    const consent: Record<string, true> = {};
    for (const key of CONSENT_KEYS) {
      if (!(key in rest)) continue;
      const given = readBoolean(rest, key, method, false);
      delete rest[key];
      if (given) consent[key] = true;
    }
    const operation = readCall(method, rest);
    if (!takesConsent(operation)) {
      const key = CONSENT_KEYS.find((k) => k in (argument as object)) as string;
      throw argumentError(`${method}.${key}`, "only a change to an existing table (columns, indexes, constraints) can carry allowRebuild, online or allowLocking");
    }
    return Object.keys(consent).length > 0 ? freeze({ ...operation, ...consent }) : operation;
  }
  return readCall(method, argument);
}

function readCall(method: ManagerMethod, argument: unknown): SchemaOperation {
  const path = method;
  switch (method) {
    case "addTable":
      return freeze({ kind: "create_table", schema: readTable(argument, path) });
    case "dropTable":
      return freeze({ kind: "drop_table", schema: readTable(argument, path) });
    case "renameTable": {
      const fields = readObject(argument, path, ["from", "to"]);
      return freeze({ kind: "rename_table", from: readName(fields, "from", path), to: readName(fields, "to", path) });
    }
    case "addColumn": {
      const table = readTableName(argument, path);
      const column = readColumn(argument, table, path, ["table", "backfill"]);
      const backfill = readBackfill(argument, path);
      return freeze({ kind: "add_column", table, column, ...(backfill === undefined ? {} : { backfill }) });
    }
    case "dropColumn": {
      const table = readTableName(argument, path);
      return freeze({ kind: "drop_column", table, column: readColumn(argument, table, path, ["table"]) });
    }
    case "renameColumn": {
      const fields = readObject(argument, path, ["table", "from", "to"]);
      return freeze({ kind: "rename_column", table: readName(fields, "table", path), from: readName(fields, "from", path), to: readName(fields, "to", path) });
    }
    case "alterColumn":
      return readAlterColumn(argument, path);
    case "addIndex":
    case "dropIndex": {
      const index = readIndex(argument, readTableName(argument, path), path, ["table"]);
      return freeze(method === "addIndex" ? { kind: "add_index", index } : { kind: "drop_index", index });
    }
    case "addConstraint":
    case "dropConstraint":
      return readConstraint(method === "addConstraint", argument, path);
    case "rebuildTable":
      return readRebuildTable(argument, path);
  }
}

function freeze<T extends SchemaOperation>(operation: T): T {
  return Object.freeze(operation);
}

/** The `table` field of an argument whose other fields are checked by the entity reader. */
function readTableName(argument: unknown, path: string): string {
  const fields = readObject(argument, path, Object.keys(argument ?? {}));
  return readName(fields, "table", path);
}

function readBackfill(argument: unknown, path: string): JsonValue | undefined {
  const fields = argument as Record<string, unknown>;
  return fields.backfill === undefined ? undefined : readJson(fields.backfill, `${path}.backfill`);
}

function readAlterColumn(argument: unknown, path: string): SchemaOperation {
  const fields = readObject(argument, path, ["table", "name", "from", "to", "backfill", "lossy"]);
  const table = readName(fields, "table", path);
  const name = readName(fields, "name", path);
  const from = readColumnState(readObject(fields.from, `${path}.from`, COLUMN_STATE_KEYS), table, name, `${path}.from`);
  const to = readColumnState(readObject(fields.to, `${path}.to`, COLUMN_STATE_KEYS), table, name, `${path}.to`);
  const backfill = fields.backfill === undefined ? undefined : readJson(fields.backfill, `${path}.backfill`);
  const lossy = fields.lossy === undefined ? undefined : readBoolean(fields, "lossy", path, false);
  return freeze({
    kind: "alter_column",
    table,
    from,
    to,
    ...(backfill === undefined ? {} : { backfill }),
    ...(lossy === undefined ? {} : { lossy }),
  });
}

function readConstraint(add: boolean, argument: unknown, path: string): SchemaOperation {
  const fields = readObject(argument, path, Object.keys(argument ?? {}));
  const kind = readChoice(fields, "kind", path, ["unique", "check", "foreign_key"]);
  const table = readName(fields, "table", path);
  const extra = ["kind", "table"];
  switch (kind) {
    case "unique": {
      const unique = readUnique(argument, table, path, extra);
      return freeze(add ? { kind: "add_unique", unique } : { kind: "drop_unique", unique });
    }
    case "check": {
      const check = readCheck(argument, table, path, extra);
      return freeze(add ? { kind: "add_check", check } : { kind: "drop_check", check });
    }
    case "foreign_key": {
      const foreignKey = readForeignKey(argument, table, path, extra);
      return freeze(add ? { kind: "add_foreign_key", foreignKey } : { kind: "drop_foreign_key", foreignKey });
    }
  }
}

function readRebuildTable(argument: unknown, path: string): SchemaOperation {
  const fields = readObject(argument, path, ["from", "to", "columnMap", "backfill"]);
  const from = readTable(fields.from, `${path}.from`);
  const to = readTable(fields.to, `${path}.to`);
  const columnMap = readRecord(fields.columnMap, `${path}.columnMap`, (item, at) => {
    if (typeof item !== "string" || !from.columns.some((column) => column.name === item)) {
      throw argumentError(at, `expected a column of ${JSON.stringify(from.table.name)} before the rebuild`);
    }
    return item;
  });
  for (const target of Object.keys(columnMap)) {
    if (!to.columns.some((column) => column.name === target)) {
      throw argumentError(`${path}.columnMap`, `${JSON.stringify(target)} is not a column of the rebuilt table`);
    }
  }
  const backfill = fields.backfill === undefined ? undefined : readRecord(fields.backfill, `${path}.backfill`, readJson);
  return freeze({ kind: "rebuild_table", from, to, columnMap, ...(backfill === undefined ? {} : { backfill }) });
}
