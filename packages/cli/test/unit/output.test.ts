import { describe, expect, it } from "vitest";
import type { RebuildTableOperation } from "@mig/core/dialect";
import { describeLoss } from "../../src/output/describe-operation";
import { Output } from "../../src/output/output";
import { renderTable } from "../../src/output/render-table";
import { progressPrinter } from "../../src/output/report-run";
import { testDeps } from "../support/test-deps";

function output(options: { tty: boolean; env?: Record<string, string>; json?: boolean }) {
  const io = testDeps({ cwd: process.cwd(), env: options.env ?? {} });
  const deps = { ...io.deps, stdoutIsTTY: options.tty };
  return { out: new Output(deps, { json: options.json }), io };
}

describe("progressPrinter", () => {
  it("warns once a run starts when the dialect holds no migration lock (lockKind: none), and only then", () => {
    const none = output({ tty: false });
    progressPrinter(none.out)({ type: "lock-acquired", lock: "none" });
    expect(none.io.stderr()).toMatch(/warning.*no migration lock/);
    const advisory = output({ tty: false });
    progressPrinter(advisory.out)({ type: "lock-acquired", lock: "advisory" });
    expect(advisory.io.stderr()).toBe("");
  });
});

describe("Output", () => {
  it("colours only on a TTY without NO_COLOR", () => {
    const plain = output({ tty: false }).out;
    expect(plain.color.red("x")).toBe("x");
    const tty = output({ tty: true }).out;
    expect(tty.color.red("x")).not.toBe("x");
    expect(output({ tty: true, env: { NO_COLOR: "1" } }).out.color.red("x")).toBe("x");
    expect(output({ tty: true, json: true }).out.color.red("x")).toBe("x");
  });

  it("removes connection passwords from everything it prints", () => {
    const { out, io } = output({ tty: false });
    out.protectSecretsOf({ host: "h", password: "hunter2" });
    out.line("could not log in with hunter2");
    out.error({ code: "MIG_E_CONNECTION", message: "postgres://u:other@h/db refused", hint: "hunter2?" });
    expect(io.stdout() + io.stderr()).not.toMatch(/hunter2|other@/);
  });

  it("prints a coded error as one line plus problems and a hint, or as JSON", () => {
    const text = output({ tty: false });
    text.out.error({ code: "MIG_E_CONFIG", message: "Invalid", hint: "Fix it", problems: [{ path: "apps", message: "apps is missing" }] });
    expect(text.io.stderr()).toBe("error MIG_E_CONFIG: Invalid\n  - apps is missing\nhint: Fix it\n");
    const json = output({ tty: false, json: true });
    json.out.error({ code: "MIG_E_USAGE", message: "Bad" });
    // Schema problems carry table and column, not path: every line names them.
    const schema = output({ tty: false });
    schema.out.error({
      code: "MIG_E_SCHEMA_INVALID",
      message: "Invalid table definition band.name: Column name is empty (and 1 more problem)",
      problems: [
        { table: "band", column: "name", message: "Column name is empty" },
        { table: "album", message: "The primaryKey option names no column" },
      ],
    });
    expect(schema.io.stderr()).toContain("\n  - band.name: Column name is empty\n  - album: The primaryKey option names no column\n");
    expect(JSON.parse(json.io.stdout())).toEqual({ error: { code: "MIG_E_USAGE", message: "Bad" } });
  });
});

describe("describeLoss", () => {
  it("names the columns a rebuild leaves out", () => {
    const schema = (columns: string[]) => ({ table: { name: "member" }, columns: columns.map((name) => ({ name })) });
    const rebuild = (from: string[], columnMap: Record<string, string>) =>
      ({ kind: "rebuild_table", from: schema(from), to: schema(Object.keys(columnMap)), columnMap }) as unknown as RebuildTableOperation;
    expect(describeLoss(rebuild(["id", "name", "nick", "age"], { id: "id", name: "name" }))).toBe(
      "columns member.nick, member.age and their values (the rebuild of member leaves them out)",
    );
    expect(describeLoss(rebuild(["id", "nick"], { id: "id" }))).toBe("column member.nick and its values (the rebuild of member leaves it out)");
  });
});

describe("renderTable", () => {
  it("pads columns", () => {
    expect(renderTable(["A", "BB"], [["xyz", "1"]])).toEqual(["A    BB", "---  --", "xyz  1"]);
  });
});
