import { describe, expect, it } from "vitest";
import type { SchemaOperation } from "@mig/core/dialect";
import { mysqlDialect } from "./mysql-dialect";

const online = mysqlDialect.online!;
const index = { entity: "index", table: "t", name: "t_n_idx", columns: ["n"], method: "btree" } as const;
const check: SchemaOperation = { kind: "add_check", check: { entity: "check", table: "t", name: "c", sql: "n > 0" } };

describe("MariaDB lock facts for mig lint", () => {
  it("reports the algorithm an online operation names, and a table copy for what has none", () => {
    expect(online.lockOf!({ kind: "add_index", index, online: true })).toEqual({ lock: "ALGORITHM=INPLACE, LOCK=NONE", work: "scan", blocksWrites: false });
    expect(online.lockOf!({ kind: "drop_column", table: "t", column: { entity: "column", table: "t", name: "n", type: "integer", nullable: false, default: null }, online: true })).toMatchObject({ lock: "ALGORITHM=INSTANT", work: "none" });
    expect(online.lockOf!(check)).toMatchObject({ lock: "ALGORITHM=COPY (LOCK=SHARED)", work: "rewrite", blocksWrites: true });
  });

  it("refuses a CHECK online with a hint, and emits the clause on online statements only", () => {
    expect(online.refusal!({ ...check, online: true } as SchemaOperation)?.hint).toMatch(/--no-online/);
    expect(mysqlDialect.emitter.emit({ kind: "add_index", index }).map((s) => s.sql)).toEqual(["CREATE INDEX `t_n_idx` ON `t` (`n`)"]);
    expect(mysqlDialect.emitter.emit({ kind: "drop_index", index, online: true }).map((s) => s.sql)).toEqual(["ALTER TABLE `t` DROP INDEX `t_n_idx`, ALGORITHM=INPLACE, LOCK=NONE"]);
  });
});
