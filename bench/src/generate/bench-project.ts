import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSchema, type BenchSchemaOptions } from "./bench-schema";
import { drizzleSchemaModule } from "./drizzle-schema-module";
import { migTablesModule } from "./mig-tables-module";

export type BenchDialect = "postgres" | "mysql" | "sqlite";

export interface BenchProject {
  readonly dir: string;
  readonly tables: number;
  readonly dialect: BenchDialect;
  /**
   * Rewrites both schema modules (mig tables and drizzle schema) to the given state. `edit` goes
   * into a first-line comment: a run that starts from an edited schema must not find either
   * tool's transform cache warm for it (a user runs the tool after editing the schema).
   */
  writeSchema(options?: BenchSchemaOptions, edit?: string): void;
  path(...parts: string[]): string;
}

/** The app every benchmark project has. */
export const APP = "bench";

function migConfig(dialect: BenchDialect): string {
  // Servers: the URL comes from DATABASE_URL (never written into the project; \`new\` does not
  // connect, so a placeholder does there). SQLite: a file in the project.
  const fallback = { postgres: "postgres://127.0.0.1:5432/unused", mysql: "mysql://127.0.0.1:3306/unused", sqlite: "sqlite:./bench.db" }[dialect];
  const connection = dialect === "sqlite" ? JSON.stringify(fallback) : `process.env.DATABASE_URL ?? ${JSON.stringify(fallback)}`;
  return `import { defineConfig } from "@mig/core";

export default defineConfig({
  dialect: ${JSON.stringify(dialect)},
  connection: ${connection},
  apps: [{ name: ${JSON.stringify(APP)}, tables: "./src/tables.ts", migrations: "./migrations" }],
});
`;
}

const DRIZZLE_CONFIG = `import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/drizzle-schema.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://127.0.0.1:5432/unused" },
});
`;

/**
 * A fresh project folder (emptied if it exists) with a package.json, `mig.config.ts`,
 * `drizzle.config.ts`, and the N-table schema as `src/tables.ts` (mig) and
 * `src/drizzle-schema.ts` (drizzle-kit). It lives inside `bench/` so that its imports of
 * `@mig/core` and `drizzle-orm` resolve to bench's dependencies.
 */
export function createBenchProject(dir: string, tables: number, dialect: BenchDialect = "postgres"): BenchProject {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "bench-project", private: true, type: "module" }, null, 2)}\n`);
  writeFileSync(join(dir, "mig.config.ts"), migConfig(dialect));
  writeFileSync(join(dir, "drizzle.config.ts"), DRIZZLE_CONFIG);
  const project: BenchProject = {
    dir,
    tables,
    dialect,
    writeSchema(options = {}, edit = "") {
      const schema = benchSchema(tables, options);
      const comment = `// ${tables} tables${edit ? `, edit ${edit}` : ""}\n`;
      writeFileSync(join(dir, "src", "tables.ts"), comment + migTablesModule(schema));
      writeFileSync(join(dir, "src", "drizzle-schema.ts"), comment + drizzleSchemaModule(schema));
    },
    path: (...parts) => join(dir, ...parts),
  };
  project.writeSchema();
  return project;
}
