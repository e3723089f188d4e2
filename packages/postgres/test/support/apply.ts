import { type Connection, type SchemaOperation, Snapshot, type TableSchema, entitiesOf } from "@mig/core/dialect";
import { postgresDialect } from "../../src/index";

/** Emits `operations` with the PostgreSQL emitter and runs every statement, in order. */
export async function apply(connection: Connection, ...operations: SchemaOperation[]): Promise<void> {
  for (const operation of operations) {
    for (const statement of postgresDialect.emitter.emit(operation)) await connection.execute(statement);
  }
}

/** Creates the tables (in the order given) through `create_table` operations. */
export function createTables(connection: Connection, ...schemas: TableSchema[]): Promise<void> {
  return apply(connection, ...schemas.map((schema): SchemaOperation => ({ kind: "create_table", schema })));
}

/** The snapshot `schemas` make, as PostgreSQL stores it: what introspection must return. */
export function expected(...schemas: TableSchema[]): Snapshot {
  return postgresDialect.normalise!(Snapshot.fromEntities(schemas.flatMap(entitiesOf)));
}

/** `schemas`: named schemas to read besides the connection's own (their tables named `"schema"."name"`). */
export function introspect(connection: Connection, schemas: readonly string[] = []): Promise<Snapshot> {
  return postgresDialect.introspector.introspect(connection, schemas.length > 0 ? { schemas } : {});
}
