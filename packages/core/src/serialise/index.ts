export * from "./serialise-migration";
export * from "./serialise-empty-migration";
export * from "./print-literal";
export type { MigrationFileInfo } from "./migration-header";
