import { describe, expect, it } from "vitest";
import type { SchemaOperation } from "@mig/core/dialect";
import { mysqlDialect } from "./mysql-dialect";

const online = mysqlDialect.online!;
const index = { kind: "index", table: "t", name: "t_n_idx", columns: ["n"], method: "btree" } as const;
const check: SchemaOperation = { kind: "add_check", check: { kind: "check", table: "t", name: "c", sql: "n > 0" } };

describe("MariaDB lock facts for mig lint", () => {
  it("reports the algorithm an online operation names, and a table copy for what has none", () => {
    expect(online.lockOf!({ kind: "add_index", index, online: true })).toEqual({ lock: "ALGORITHM=INPLACE, LOCK=NONE", work: "scan", blocksWrites: false });
    expect(online.lockOf!({ kind: "drop_column", table: "t", column: { kind: "column", table: "t", name: "n", type: "integer", nullable: false, default: null }, online: true })).toMatchObject({ lock: "ALGORITHM=INSTANT", work: "none" });
    expect(online.lockOf!(check)).toMatchObject({ lock: "ALGORITHM=COPY (LOCK=SHARED)", work: "rewrite", blocksWrites: true });
  });

  it("refuses a CHECK online with a hint, and emits the clause on online statements only", () => {
    expect(online.refusal!({ ...check, online: true } as SchemaOperation)?.hint).toMatch(/--no-online/);
    expect(mysqlDialect.emitter.emit({ kind: "add_index", index }).map((s) => s.sql)).toEqual(["CREATE INDEX `t_n_idx` ON `t` (`n`)"]);
    expect(mysqlDialect.emitter.emit({ kind: "drop_index", index, online: true }).map((s) => s.sql)).toEqual(["ALTER TABLE `t` DROP INDEX `t_n_idx`, ALGORITHM=INPLACE, LOCK=NONE"]);
  });

  it("adds a foreign key online in place, unchecked, then checks the rows with a read", () => {
    const fk: SchemaOperation = {
      kind: "add_foreign_key",
      foreignKey: { kind: "foreign_key", table: "t", name: "t_p_fkey", columns: ["p", "q"], references: { table: "parent", columns: ["id", "k"] }, onDelete: "no action", onUpdate: "no action" },
      online: true,
    };
    expect(online.refusal!(fk)).toBeUndefined();
    expect(online.lockOf!(fk)).toMatchObject({ work: "scan", blocksWrites: false });
    expect(online.lockOf!({ ...fk, online: false } as SchemaOperation)).toMatchObject({ lock: "ALGORITHM=COPY (LOCK=SHARED)", blocksWrites: true });
    const [add, check] = mysqlDialect.emitter.emit(fk).map((s) => s.sql);
    expect(add).toMatch(/^SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `t` .*, ALGORITHM=INPLACE, LOCK=NONE$/);
    expect(check).toBe(
      "BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `t` AS mig_child LEFT JOIN `parent` AS mig_parent ON mig_child.`p` = mig_parent.`id` AND mig_child.`q` = mig_parent.`k` " +
        "WHERE mig_child.`p` IS NOT NULL AND mig_child.`q` IS NOT NULL AND mig_parent.`id` IS NULL LIMIT 1) " +
        "THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 't_p_fkey: rows of t reference no row of parent; fix them and run again'; END IF; END",
    );
  });
});

