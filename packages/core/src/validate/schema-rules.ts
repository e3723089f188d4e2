import { columnDefaults } from "./rules/column-defaults";
import { columnNames } from "./rules/column-names";
import { columnTypes } from "./rules/column-types";
import { constraintNames } from "./rules/constraint-names";
import { dialectStorage } from "./rules/dialect-storage";
import { enumTypes } from "./rules/enum-types";
import { foreignKeys } from "./rules/foreign-keys";
import { identifiers } from "./rules/identifiers";
import { primaryKey } from "./rules/primary-key";
import { tableNames } from "./rules/table-names";
import { tableOptions } from "./rules/table-options";
import type { SchemaRule } from "./schema-rule";

/** The rules `validateTables` runs, in the order their problems are listed. */
export const SCHEMA_RULES: readonly SchemaRule[] = [
  tableNames,
  columnNames,
  columnTypes,
  enumTypes,
  primaryKey,
  foreignKeys,
  columnDefaults,
  tableOptions,
  identifiers,
  constraintNames,
  dialectStorage,
];
