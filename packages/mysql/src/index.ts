/**
 * @mig/mysql: the MySQL / MariaDB dialect for mig (driver `mysql2`).
 *
 * Names follow the pattern of every dialect package: a part is `<dialect><Part>` (`mysqlTypeMapper`:
 * the part of `mysqlDialect`), a part made from options is `create<Dialect><Part>(options)`, a
 * function is `<verb><Dialect><Noun>` (`quoteMysqlLiteral`, `normaliseMysqlSnapshot`).
 */
import { mysqlDialect } from "./mysql-dialect";

export { type MysqlDialectOptions, createMysqlDialect, mysqlDialect } from "./mysql-dialect";
export { mysqlCapabilities } from "./mysql-capabilities";
export { type MysqlUuidType, createMysqlTypeMapper } from "./mysql-type-mapper";
export { createMysqlEmitter } from "./mysql-emitter";
export { createMysqlIntrospector } from "./mysql-introspector";
export { normaliseMysqlSnapshot } from "./normalise-snapshot";
export { normaliseMysqlExpression } from "./normalise-expression";
export { quoteMysqlLiteral } from "./mysql-literal";
export { type ConnectMysqlOptions, connectMysql } from "./connect-mysql";
export { MysqlConnection } from "./mysql-connection";

/** The parts of {@link mysqlDialect} (UUIDs stored as `CHAR(36)`); `create…` makes them for other options. */
export const mysqlTypeMapper = mysqlDialect.types;
export const mysqlEmitter = mysqlDialect.emitter;
export const mysqlIntrospector = mysqlDialect.introspector;

export default mysqlDialect;
