/**
 * @mig/mysql: the MySQL / MariaDB dialect for mig (driver `mysql2`).
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

export default mysqlDialect;
