import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationManager } from "../manager/migration-manager";
import type { MigrationColumn } from "../manager/manager-calls";
import { replayMigrations } from "../manager/replay-migrations";
import { migrationLoader } from "./load-migration.test-helper";
import { serialiseMigration } from "./serialise-migration";
import { serialiseEmptyMigration } from "./serialise-empty-migration";

const loader = migrationLoader();
beforeAll(() => loader.warmUp(), 120_000);
afterAll(() => loader.dispose());

const ID = "2026-11-22T13:58:23:024723";
let files = 0;
const fileName = (): string => `music_${++files}.ts`;

const HOSTILE_TEXT = [
  'double "quotes"', "single 'quotes'", "back\\slash \\n", "new\nline\r\n", "${template}", "`backtick`",
  "</script>", "line\u2028para\u2029", "\u202e bidi", "\ud800 lone high", "lone low \udc00", "🎸 café", "\u0000",
];

const defaultColumns: MigrationColumn[] = [
  { name: "id", type: "serial" },
  ...HOSTILE_TEXT.map((value, i): MigrationColumn => ({ name: `text_${i}`, type: "text", default: { kind: "value", value } })),
  { name: "int", type: "integer", default: { kind: "value", value: -42 } },
  { name: "big", type: "bigint", default: { kind: "value", value: 9007199254740991 } },
  { name: "float", type: "doublePrecision", default: { kind: "value", value: 1.5e-300 } },
  { name: "negative_zero", type: "real", default: { kind: "value", value: -0 } },
  { name: "decimal", type: "numeric", precision: 12, scale: 4, default: { kind: "value", value: "12345678.1234" } },
  { name: "flag", type: "boolean", default: { kind: "value", value: true } },
  { name: "off", type: "boolean", nullable: true, default: { kind: "value", value: false } },
  { name: "day", type: "date", default: { kind: "value", value: "2026-11-22" } },
  { name: "at", type: "timestamptz", default: { kind: "value", value: "2026-11-22T13:58:23.024+00:00" } },
  { name: "clock", type: "time", default: { kind: "value", value: "13:58:23" } },
  { name: "created", type: "timestamp", default: { kind: "now" } },
  { name: "uid", type: "uuid", default: { kind: "random" } },
  { name: "expr", type: "integer", default: { kind: "sql", sql: "(1 + 2) * 'x''y'" } },
  { name: "doc", type: "jsonb", default: { kind: "value", value: { a: [1, "two", null, { "b c": false }], "${x}": "\n", "": [] } } },
  { name: "list", type: "json", default: { kind: "value", value: [[], {}, "\"", -1.25] } },
  { name: "raw_bytes", type: "bytea", nullable: true, default: { kind: "value", value: "deadbeef" } },
  { name: "nothing", type: "varchar", length: 10, nullable: true },
];

describe("migration file round trip", () => {
  it("writes and reads back every kind of default", async () => {
    const manager = new MigrationManager({ migrationId: ID, appName: "music" }).addTable({ name: "defaults", primaryKey: ["id"], columns: defaultColumns });
    const source = serialiseMigration({ id: ID, appName: "music", description: "", version: "0.1.0", operations: manager.operations });
    const loaded = await loader.load(fileName(), source);
    const back = await loaded.forwards();
    expect(back.operations).toEqual(manager.operations);
    const column = (name: string): unknown => replayMigrations([back]).column("defaults", name)?.default;
    expect(Object.is((column("negative_zero") as { value: number }).value, -0)).toBe(true);
    HOSTILE_TEXT.forEach((value, i) => expect(column(`text_${i}`)).toEqual({ kind: "value", value }));
  });

  it("keeps the ID, version, app name and a description with quotes and newlines", async () => {
    for (const description of HOSTILE_TEXT) {
      const source = serialiseMigration({ id: ID, appName: "mu'sic\"", description, version: "0.1.0-beta\n", operations: [] });
      const loaded = await loader.load(fileName(), source);
      expect([loaded.ID, loaded.VERSION, loaded.DESCRIPTION]).toEqual([ID, "0.1.0-beta\n", description]);
      const manager = await loaded.forwards();
      expect([manager.migrationId, manager.appName, manager.description]).toEqual([ID, "mu'sic\"", description]);
    }
  });

  it("round-trips every kind of manager call", async () => {
    const table = { name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }, { name: "name", type: "text" }] } as const;
    const manager = new MigrationManager({ migrationId: ID, appName: "music" })
      .addTable({ ...table, className: "Band", indexes: [{ name: "i", columns: ["name"], method: "gin" }] })
      .dropTable(table)
      .renameTable({ from: "a", to: "b" })
      .addColumn({ table: "b", name: "x", type: "varchar", length: 5, backfill: { nested: ["v"] } })
      .dropColumn({ table: "b", name: "y", type: "numeric", precision: 3, nullable: true })
      .renameColumn({ table: "b", from: "x", to: "z" })
      .alterColumn({ table: "b", name: "z", from: { type: "varchar", length: 5 }, to: { type: "text", nullable: true }, backfill: null, lossy: false })
      .addIndex({ table: "b", name: "j", columns: ["z", "id"] })
      .dropIndex({ table: "b", name: "j", columns: ["z", "id"], method: "hash" })
      .addConstraint({ kind: "unique", table: "b", name: "u", columns: ["z"] })
      .dropConstraint({ kind: "check", table: "b", name: "c", sql: "z <> ''" })
      .addConstraint({ kind: "foreign_key", table: "b", name: "f", columns: ["id"], references: { table: "other app's table", columns: ["pk"] }, onDelete: "set null", onUpdate: "restrict" })
      .rebuildTable({ from: table, to: { ...table, columns: [{ name: "id", type: "serial" }, { name: "title", type: "text" }] }, columnMap: { id: "id", title: "name", "__proto__": "name" } as never, backfill: { "__proto__": 1 } as never });
    const source = serialiseMigration({ id: ID, appName: "music", description: "", version: "0.1.0", operations: manager.operations });
    const back = await (await loader.load(fileName(), source)).forwards();
    expect(back.operations).toEqual(manager.operations);
    expect(source).not.toMatch(/import .* from "(?!@mig\/core")/);
  });

  it("loads the empty migration, whose raw functions run only their own way", async () => {
    const source = serialiseEmptyMigration({ id: ID, appName: "music", description: 'a "b"\n', version: "0.1.0" });
    const manager = await (await loader.load(fileName(), source)).forwards();
    expect(manager.description).toBe('a "b"\n');
    expect(manager.forwardsPlan()).toMatchObject([{ kind: "raw", direction: "forwards" }]);
    expect(manager.backwardsPlan()).toMatchObject([{ kind: "raw", direction: "backwards" }]);
    const db = { raw: async () => [], table: () => { throw new Error("unused"); } };
    for (const operation of [...manager.forwardsPlan(), ...manager.backwardsPlan()]) {
      if (operation.kind === "raw") await operation.fn(db as never);
    }
  });
});
