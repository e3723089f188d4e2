import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "../../src/operations/operation";
import { checksum } from "../../src/runner/checksum";
import { migrationLoader } from "../../src/serialise/load-migration.test-helper";
import { serialiseMigration } from "../../src/serialise/serialise-migration";

/*
 * Migration files written by mig 0.1's writer from random schemas (generate-corpus.ts), with the
 * checksum each had when written and the operations it recorded. A database that applied one of
 * them holds that checksum, so every later mig must read the same text to the same operations.
 */

const HERE = fileURLToPath(new URL(".", import.meta.url));
const CORPUS = JSON.parse(readFileSync(join(HERE, "corpus.json"), "utf8")) as readonly { readonly file: string; readonly checksum: string; readonly operations: readonly unknown[] }[];

const loader = migrationLoader();
beforeAll(() => loader.warmUp(), 120_000);
afterAll(() => loader.dispose());

/** Operations as plain JSON (what the corpus stores: no `undefined` fields, no frozen objects). */
const plain = (operations: readonly Operation[]): unknown => JSON.parse(JSON.stringify(operations));

describe("migration files written by earlier versions of mig", () => {
  it("covers every call a 0.1 file can hold", () => {
    const text = CORPUS.map(({ file }) => readFileSync(join(HERE, "files", file), "utf8")).join("\n");
    const methods = new Set(text.match(/manager\.\w+/g));
    expect([...methods].sort()).toEqual(
      ["addColumn", "addConstraint", "addIndex", "addTable", "alterColumn", "dropColumn", "dropConstraint", "dropIndex", "dropTable", "rebuildTable", "renameColumn", "renameTable"].map((method) => `manager.${method}`),
    );
    expect(text).toContain("allowRebuild: true");
    expect(text).toContain("online: true");
  });

  it("keep their checksums and load to the operations they were written from", async () => {
    expect(CORPUS.length).toBeGreaterThan(40);
    for (const entry of CORPUS) {
      const source = readFileSync(join(HERE, "files", entry.file), "utf8");
      expect(checksum(source), entry.file).toBe(entry.checksum);
      const manager = await (await loader.load(entry.file, source)).forwards();
      expect(plain(manager.forwardsPlan()), entry.file).toEqual(entry.operations);
    }
  }, 120_000);

  it("load to operations that today's writer writes and reads back unchanged", async () => {
    for (const entry of CORPUS) {
      const source = readFileSync(join(HERE, "files", entry.file), "utf8");
      const operations = (await (await loader.load(entry.file, source)).forwards()).forwardsPlan();
      const rewritten = serialiseMigration({ id: "2026-12-07T12:00:00:000000", appName: "corpus", description: "", version: "0.1.0", operations });
      const again = await (await loader.load(`again_${entry.file}`, rewritten)).forwards();
      expect(plain(again.forwardsPlan()), entry.file).toEqual(entry.operations);
    }
  }, 120_000);
});
