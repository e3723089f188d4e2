import { boolean, foreignKey, integer, numeric, table, timestamptz, varchar } from "@mig/core";
import { Album, Band } from "../music/tables";

export const Customer = table("customer", {
  email: varchar({ length: 255 }).unique(),
  name: varchar({ length: 120 }),
  joined_at: timestamptz().defaultNow(),
});

/** Something the shop sells: merchandise of a band, or an album. */
export const Product = table("product", {
  band: foreignKey(() => Band, { onDelete: "cascade" }),
  album: foreignKey(() => Album, { onDelete: "set null" }).nullable(),
  name: varchar({ length: 200 }),
  price: numeric({ precision: 8, scale: 2 }),
  stock: integer().default(0),
  active: boolean().default(true),
});

export const Purchase = table("purchase", {
  customer: foreignKey(() => Customer, { onDelete: "restrict" }),
  placed_at: timestamptz().defaultNow(),
});

export const PurchaseItem = table(
  "purchase_item",
  {
    purchase: foreignKey(() => Purchase, { onDelete: "cascade" }),
    product: foreignKey(() => Product, { onDelete: "restrict" }),
    quantity: integer().default(1),
    unit_price: numeric({ precision: 8, scale: 2 }),
  },
  { checks: [{ name: "purchase_item_quantity_positive", sql: "quantity > 0" }] },
);
