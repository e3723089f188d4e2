import { describe, expect, it } from "vitest";
import type { SchemaOperation } from "@mig/core/dialect";
import { mysqlDialect } from "./mysql-dialect";

const online = mysqlDialect.online!;
const index = { kind: "index", table: "t", name: "t_n_idx", columns: ["n"], method: "btree" } as const;
const check: SchemaOperation = { kind: "add_check", check: { kind: "check", table: "t", name: "c", sql: "n > 0" } };

describe("MariaDB lock facts for mig lint", () => {
  it("reports the algorithm an online operation names, and a table copy for what has none", () => {
    expect(online.lockOf!({ kind: "add_index", index, online: true })).toEqual({ lock: "ALGORITHM=INPLACE, LOCK=NONE", work: "scan", blocksWrites: false, waits: expect.stringMatching(/without queueing writers.*lock_wait_timeout=1/) });
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

  it("says what a wait for the table's metadata lock does, online or not (not for a new table)", () => {
    expect(online.lockOf!({ kind: "add_index", index }).waits).toMatch(/every writer queues behind it, up to lock_wait_timeout \(a day by default\)/);
    expect(online.lockOf!({ kind: "create_table", schema: { kind: "table", name: "t", columns: [], primaryKey: null, indexes: [], uniques: [], checks: [], foreignKeys: [] } } as unknown as SchemaOperation).waits).toBeUndefined();
  });
});

describe("MariaDB online lock waits", () => {
  it("bounds a statement's metadata-lock waits in whole seconds (at least one), joined to a SET STATEMENT it has", () => {
    expect(online.appliedLockTimeoutMs!(50)).toBe(1_000);
    expect(online.appliedLockTimeoutMs!(1_000)).toBe(1_000);
    expect(online.appliedLockTimeoutMs!(2_500)).toBe(3_000);
    // A try without waiting (while a long transaction is seen): lock_wait_timeout=0.
    expect(online.triesWithoutWaiting).toBe(true);
    expect(online.appliedLockTimeoutMs!(0)).toBe(0);
    expect(online.boundStatement!({ sql: "ALTER TABLE `t` ADD x" }, 0).sql).toBe("SET STATEMENT lock_wait_timeout=0 FOR ALTER TABLE `t` ADD x");
    expect(online.boundStatement!({ sql: "ALTER TABLE `t` DROP INDEX `i`, ALGORITHM=INPLACE, LOCK=NONE" }, 50).sql).toBe("SET STATEMENT lock_wait_timeout=1 FOR ALTER TABLE `t` DROP INDEX `i`, ALGORITHM=INPLACE, LOCK=NONE");
    expect(online.boundStatement!({ sql: "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `t` ADD x", params: [1] }, 4_000)).toEqual({ sql: "SET STATEMENT lock_wait_timeout=4, foreign_key_checks=0 FOR ALTER TABLE `t` ADD x", params: [1] });
  });

  it("retries after ER_LOCK_WAIT_TIMEOUT (1205) only", () => {
    expect(online.isLockTimeout!(Object.assign(new Error("Lock wait timeout exceeded"), { errno: 1205 }))).toBe(true);
    expect(online.isLockTimeout!(Object.assign(new Error("Duplicate key"), { errno: 1062 }))).toBe(false);
    expect(online.isLockTimeout!(undefined)).toBe(false);
  });

  it("marks each online ALTER with the exclusive metadata lock it waits for, and the orphan check as waiting beside the writers", () => {
    const [drop] = mysqlDialect.emitter.emit({ kind: "drop_index", index, online: true });
    expect(drop?.tableLock).toEqual({ tables: ["`t`"], mode: "exclusive metadata lock", queuesWriters: true });
    const fk: SchemaOperation = {
      kind: "add_foreign_key",
      foreignKey: { kind: "foreign_key", table: "t", name: "t_p_fkey", columns: ["p"], references: { table: "parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
      online: true,
    };
    const [add, check] = mysqlDialect.emitter.emit(fk);
    expect(add?.tableLock).toMatchObject({ tables: ["`t`", "`parent`"], queuesWriters: true });
    expect(check?.tableLock).toMatchObject({ queuesWriters: false });
    // Offline statements carry none: the runner bounds online steps only.
    expect(mysqlDialect.emitter.emit({ kind: "drop_index", index })[0]?.tableLock).toBeUndefined();
  });

  it("looks for transactions open longer than the bound in INNODB_TRX, not this session's", () => {
    const query = online.lockHolders!({ tables: ["`t`"], mode: "exclusive metadata lock", queuesWriters: true }, 50);
    expect(query.sql).toMatch(/information_schema\.INNODB_TRX/);
    expect(query.sql).toMatch(/p\.ID <> CONNECTION_ID\(\)/);
    expect(query.params).toEqual([50]);
  });
});
