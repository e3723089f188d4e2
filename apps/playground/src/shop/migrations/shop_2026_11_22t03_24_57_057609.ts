import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T03:24:57:057609";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Customers, products and purchases";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "shop", description: DESCRIPTION });

  manager.addTable({
    name: "customer",
    className: "Customer",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "email", type: "varchar", length: 255 },
      { name: "name", type: "varchar", length: 120 },
      { name: "joined_at", type: "timestamptz", default: { kind: "now" } },
    ],
    uniques: [{ name: "customer_email_key", columns: ["email"] }],
  });

  manager.addTable({
    name: "product",
    className: "Product",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "band", type: "integer" },
      { name: "album", type: "integer", nullable: true },
      { name: "name", type: "varchar", length: 200 },
      { name: "price", type: "numeric", precision: 8, scale: 2 },
      { name: "stock", type: "integer", default: { kind: "value", value: 0 } },
      { name: "active", type: "boolean", default: { kind: "value", value: true } },
    ],
    foreignKeys: [
      {
        name: "product_album_fkey",
        columns: ["album"],
        references: { table: "album", columns: ["id"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
      {
        name: "product_band_fkey",
        columns: ["band"],
        references: { table: "band", columns: ["id"] },
        onDelete: "cascade",
        onUpdate: "no action",
      },
    ],
  });

  manager.addTable({
    name: "purchase",
    className: "Purchase",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "customer", type: "integer" },
      { name: "placed_at", type: "timestamptz", default: { kind: "now" } },
    ],
    foreignKeys: [
      {
        name: "purchase_customer_fkey",
        columns: ["customer"],
        references: { table: "customer", columns: ["id"] },
        onDelete: "restrict",
        onUpdate: "no action",
      },
    ],
  });

  manager.addTable({
    name: "purchase_item",
    className: "PurchaseItem",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "purchase", type: "integer" },
      { name: "product", type: "integer" },
      { name: "quantity", type: "integer", default: { kind: "value", value: 1 } },
      { name: "unit_price", type: "numeric", precision: 8, scale: 2 },
    ],
    checks: [{ name: "purchase_item_quantity_positive", sql: "quantity > 0" }],
    foreignKeys: [
      {
        name: "purchase_item_product_fkey",
        columns: ["product"],
        references: { table: "product", columns: ["id"] },
        onDelete: "restrict",
        onUpdate: "no action",
      },
      {
        name: "purchase_item_purchase_fkey",
        columns: ["purchase"],
        references: { table: "purchase", columns: ["id"] },
        onDelete: "cascade",
        onUpdate: "no action",
      },
    ],
  });

  return manager;
}
