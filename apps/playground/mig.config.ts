import { defineConfig } from "@mig/core";

/**
 * The playground: two apps, music and shop (shop's products and orders point into music).
 * SQLite by default; set DATABASE_URL to run the same migrations on PostgreSQL or MariaDB:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/playground mig forwards all
 *   DATABASE_URL=mysql://root:root@127.0.0.1:3306/playground mig forwards all
 */
export default defineConfig({
  connection: process.env.DATABASE_URL ?? "sqlite:./playground.db",
  apps: [
    { name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" },
    { name: "shop", tables: "./src/shop/tables.ts", migrations: "./src/shop/migrations", dependsOn: ["music"] },
  ],
});
