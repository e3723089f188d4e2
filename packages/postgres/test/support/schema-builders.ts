/** Small builders for snapshot entities, so tests can make `create_table` operations without the DSL. */
export { columnEntity as col, tableSchemaOf as tableSchema, type TableParts } from "@mig/core/testing";
