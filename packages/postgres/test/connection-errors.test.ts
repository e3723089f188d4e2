import { isMigError } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDialect, postgresDialect } from "../src/index";
import { type PasswordServer, startPasswordServer } from "./support/password-server";

const SECRET = "Sup3r-Secret-Pa55";

async function connectError(config: Parameters<typeof postgresDialect.connect>[0], dialect = postgresDialect) {
  const started = Date.now();
  const error = await dialect.connect(config).then(
    async (c) => {
      await c.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

function expectConnectionError(error: unknown, ...mentions: string[]) {
  expect(isMigError(error, "MIG_E_CONNECTION")).toBe(true);
  const text = JSON.stringify({ message: (error as Error).message, json: (error as { toJSON(): unknown }).toJSON() });
  for (const m of mentions) expect(text).toContain(m);
  expect(text).not.toContain(SECRET);
  expect(String((error as Error).stack)).not.toContain(SECRET);
}

describe("connection errors (PostgreSQL)", () => {
  let server: PasswordServer;
  beforeAll(async () => {
    server = await startPasswordServer();
  });
  afterAll(() => server?.stop());

  it("connects with the right password", async () => {
    const c = await postgresDialect.connect(`postgres://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/postgres`);
    expect((await c.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await c.close();
  });

  it("a wrong password fails fast with MIG_E_CONNECTION naming host:port and database, never the password", async () => {
    const { error, ms } = await connectError(`postgres://postgres:${SECRET}@127.0.0.1:${server.port}/postgres`);
    expectConnectionError(error, `127.0.0.1:${server.port}`, `"postgres"`);
    expect((error as { meta: Record<string, unknown> }).meta.code).toBe("28P01");
    expect(ms).toBeLessThan(5_000);
  });

  it("the same through an options object", async () => {
    const { error } = await connectError({ host: "127.0.0.1", port: server.port, user: "postgres", password: SECRET, database: "appdb" });
    expectConnectionError(error, `127.0.0.1:${server.port}`, `"appdb"`);
  });

  it("a missing database says so", async () => {
    const { error } = await connectError(`postgres://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/no_such_db`);
    expectConnectionError(error, `"no_such_db"`);
    expect((error as { meta: Record<string, unknown> }).meta.code).toBe("3D000");
  });

  it("an unreachable port fails fast", async () => {
    const { error, ms } = await connectError(`postgres://app:${SECRET}@127.0.0.1:1/shop`);
    expectConnectionError(error, "127.0.0.1:1", `"shop"`);
    expect((error as { meta: Record<string, unknown> }).meta.code).toBe("ECONNREFUSED");
    expect(ms).toBeLessThan(2_000);
  });

  it("a host that never answers times out after connectTimeoutMs", async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, so the connect hangs until the timeout.
    const dialect = createPostgresDialect({ connectTimeoutMs: 300 });
    const { error, ms } = await connectError(`postgres://app:${SECRET}@192.0.2.1:5432/shop`, dialect);
    expectConnectionError(error, "192.0.2.1:5432");
    expect(ms).toBeLessThan(3_000);
  });
});
