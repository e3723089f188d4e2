/** The config of the test projects: two apps, the connection from DATABASE_URL unless given. */
export function configText(options: { connection?: string; extra?: string } = {}): string {
  return [
    `import { defineConfig } from "@mig/core";`,
    ``,
    `export default defineConfig({`,
    ...(options.connection ? [`  connection: ${JSON.stringify(options.connection)},`] : []),
    `  apps: [`,
    `    { name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" },`,
    `    { name: "shop", tables: "./src/shop/tables.ts", migrations: "./src/shop/migrations", dependsOn: ["music"] },`,
    `  ],`,
    ...(options.extra ? [options.extra] : []),
    `});`,
    ``,
  ].join("\n");
}

/** Versions of the music app's tables, one step of a realistic history each. */
export const MUSIC = {
  /** manager and band. */
  initial: `import { foreignKey, integer, table, varchar } from "@mig/core";

export const Manager = table("manager", {
  name: varchar({ length: 50 }),
});

export const Band = table("band", {
  name: varchar({ length: 100 }),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  popularity: integer().default(0),
});
`,
  /** + band.country (nullable). */
  addColumn: `import { foreignKey, integer, table, varchar } from "@mig/core";

export const Manager = table("manager", {
  name: varchar({ length: 50 }),
});

export const Band = table("band", {
  name: varchar({ length: 100 }),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  popularity: integer().default(0),
  country: varchar({ length: 60 }).nullable(),
});
`,
  /** + an index on band.popularity. */
  addIndex: `import { foreignKey, integer, table, varchar } from "@mig/core";

export const Manager = table("manager", {
  name: varchar({ length: 50 }),
});

export const Band = table("band", {
  name: varchar({ length: 100 }),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  popularity: integer().default(0).index(),
  country: varchar({ length: 60 }).nullable(),
});
`,
  /** band.name renamed to band.title. */
  renameColumn: `import { foreignKey, integer, table, varchar } from "@mig/core";

export const Manager = table("manager", {
  name: varchar({ length: 50 }),
});

export const Band = table("band", {
  title: varchar({ length: 100 }),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  popularity: integer().default(0).index(),
  country: varchar({ length: 60 }).nullable(),
});
`,
  /** manager.name renamed to manager.full_name. */
  renameManager: `import { foreignKey, integer, table, varchar } from "@mig/core";

export const Manager = table("manager", {
  full_name: varchar({ length: 50 }),
});

export const Band = table("band", {
  title: varchar({ length: 100 }),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
  popularity: integer().default(0).index(),
  country: varchar({ length: 60 }).nullable(),
});
`,
} as const;

/** The shop app: products of a band (a foreign key into music). */
export const SHOP = `import { foreignKey, numeric, table, varchar } from "@mig/core";
import { Band } from "../music/tables";

export const Product = table("product", {
  band: foreignKey(() => Band, { onDelete: "cascade" }),
  title: varchar({ length: 200 }),
  price: numeric({ precision: 8, scale: 2 }),
});
`;
