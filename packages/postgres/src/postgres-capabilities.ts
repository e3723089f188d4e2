import type { DialectCapabilities } from "@mig/core/dialect";

/**
 * What PostgreSQL can do. Everything is in place: PostgreSQL alters columns and constraints
 * directly and never needs a table rebuild. Flags left out have their default.
 */
export const postgresCapabilities: DialectCapabilities = {
  // DDL is transactional (a few statements excepted, e.g. CREATE INDEX CONCURRENTLY, which mig
  // emits only for online operations, marked to run outside a transaction): a migration and its
  // tracking row commit or roll back together, unless it is online (then step by step, recorded).
  transactionalDdl: true,
  // Since PostgreSQL 11 a constant default does not rewrite the table; volatile ones (now() is
  // stable, gen_random_uuid() volatile) fill every existing row, which works, if slower.
  addColumnNonConstantDefault: true,
  // ADD COLUMN … REFERENCES works too, but with ADD CONSTRAINT at hand the planner never needs it.
  addColumnForeignKey: true,
  // `DEFAULT gen_random_uuid()` (built in since PostgreSQL 13; the pgcrypto extension before).
  randomUuidDefault: true,
  // PostgreSQL has schemas. mig works in the connection's current schema (the first existing
  // schema of its search_path, or `createPostgresDialect({ schema })`): it creates, finds and
  // introspects tables there, unqualified.
  schemas: true,
  indexMethods: ["btree", "hash", "gin", "gist", "brin"],
  // NAMEDATALEN - 1; longer names would be truncated silently, so they are refused.
  maxIdentifierLength: 63,
  lockKind: "advisory",
  jsonb: true,
  timestamptz: true,
  // `CREATE TYPE … AS ENUM`, created before its first column and dropped after its last.
  enums: "named",
  // `INTEGER[]` and the like.
  arrays: true,
  interval: true,
  // real, double precision and numeric hold 'NaN', 'Infinity' and '-Infinity' (numeric's
  // infinities since PostgreSQL 14).
  nonFiniteNumbers: true,
};
