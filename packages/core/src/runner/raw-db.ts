import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import { MigError } from "../errors/mig-error";
import { qualifiedTableName } from "../schema/qualified-table-name";
import type { RawDb, RawTableAccess, RawTableRef, WhereEquals } from "../operations/operation";
import { bindPlaceholders } from "./bind-placeholders";

type Row = Readonly<Record<string, unknown>>;

/**
 * The `db` that raw migration functions receive (`RawDb`), on `connection` (inside the
 * migration's transaction when there is one).
 *
 * @example
 * ```ts
 * const db = createRawDb(connection, dialect);
 * await db.raw("UPDATE band SET popularity = {} WHERE name = {}", 1000, "Pythonistas");
 * await db.table("band").insert([{ name: "Rustaceans", popularity: 500 }]);
 * const rows = await db.table("band").select({ name: "Rustaceans" });
 * ```
 */
export function createRawDb(connection: Connection, dialect: Dialect): RawDb {
  return {
    async raw<R = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<R[]> {
      const bound = bindPlaceholders(sql, params.length, (i) => dialect.placeholder(i));
      return (await connection.query<R>(bound, params)).rows;
    },
    table: (ref) => tableAccess(connection, dialect, tableName(ref)),
  };
}

function tableName(ref: RawTableRef): string {
  if (typeof ref === "string") return ref;
  if ("tableName" in ref && typeof ref.tableName === "string") return ref.tableName;
  if ("name" in ref && typeof ref.name === "string") {
    // A `table(...)` value with the schema option is named `"schema"."name"`, as everywhere else.
    const schema = (ref as { readonly options?: { readonly schema?: unknown } }).options?.schema;
    return typeof schema === "string" ? qualifiedTableName(schema, ref.name) : ref.name;
  }
  throw new MigError("MIG_E_USAGE", "db.table() needs a table defined in the migration file, or a table name");
}

function tableAccess(connection: Connection, dialect: Dialect, table: string): RawTableAccess {
  const q = (name: string) => dialect.emitter.hooks.quoteIdentifier(name);
  const target = dialect.emitter.hooks.quoteTable(table);

  /** ` WHERE a = $n AND b IS NULL`, numbering placeholders after `params`. */
  const whereClause = (where: WhereEquals | undefined, params: unknown[]): string => {
    const entries = Object.entries(where ?? {});
    if (entries.length === 0) return "";
    const terms = entries.map(([column, value]) => {
      if (value === null || value === undefined) return `${q(column)} IS NULL`;
      params.push(value);
      return `${q(column)} = ${dialect.placeholder(params.length)}`;
    });
    return ` WHERE ${terms.join(" AND ")}`;
  };

  return {
    async insert(rows) {
      const list: readonly Row[] = Array.isArray(rows) ? rows : [rows as Row];
      let affected = 0;
      for (const row of list) {
        const columns = Object.keys(row);
        if (columns.length === 0) {
          throw new MigError("MIG_E_USAGE", `db.table("${table}").insert() got a row without columns`);
        }
        const params = columns.map((column) => row[column]);
        const values = columns.map((_, i) => dialect.placeholder(i + 1));
        const sql = `INSERT INTO ${target} (${columns.map(q).join(", ")}) VALUES (${values.join(", ")})`;
        affected += (await connection.query(sql, params)).affectedRows;
      }
      return affected;
    },
    async update(values, where) {
      const params: unknown[] = [];
      const sets = Object.entries(values).map(([column, value]) => {
        params.push(value);
        return `${q(column)} = ${dialect.placeholder(params.length)}`;
      });
      if (sets.length === 0) throw new MigError("MIG_E_USAGE", `db.table("${table}").update() got no values`);
      const sql = `UPDATE ${target} SET ${sets.join(", ")}${whereClause(where, params)}`;
      return (await connection.query(sql, params)).affectedRows;
    },
    async select<R = Record<string, unknown>>(where?: WhereEquals): Promise<R[]> {
      const params: unknown[] = [];
      const sql = `SELECT * FROM ${target}${whereClause(where, params)}`;
      return (await connection.query<R>(sql, params)).rows;
    },
    async delete(where) {
      const params: unknown[] = [];
      const sql = `DELETE FROM ${target}${whereClause(where, params)}`;
      return (await connection.query(sql, params)).affectedRows;
    },
  };
}
