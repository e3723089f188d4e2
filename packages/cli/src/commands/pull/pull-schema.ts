import {
  MigError,
  resolveCapabilities,
  type Dialect,
  type Snapshot,
} from "@mig/core";
import { requireIntrospector, type Connection, type UnsupportedObject } from "@mig/core/dialect";
import { DEFAULT_TRACKING_TABLE, progressTableName } from "@mig/core/internal";
import type { LoadedConfig, ResolvedApp } from "../../config/load-config";
import type { CliDeps } from "../../deps";
import { replayApp } from "../../project/replay-app";

export interface PulledSchema {
  readonly snapshot: Snapshot;
  readonly unsupported: readonly UnsupportedObject[];
}

/**
 * The live schema `mig pull` adopts for `app`: every table of the database (or of `schema`), but
 * mig's tracking tables and the tables other apps' migrations already create. What mig does not
 * model is reported in `unsupported`, never dropped.
 */
export async function pullSchema(
  input: { readonly loaded: LoadedConfig; readonly app: ResolvedApp; readonly dialect: Dialect; readonly connection: Connection; readonly schema?: string | undefined },
  deps: CliDeps,
): Promise<PulledSchema> {
  const { loaded, app, dialect, connection } = input;
  const introspector = requireIntrospector(dialect, "mig pull");
  if (input.schema !== undefined && !resolveCapabilities(dialect.capabilities).schemas) {
    throw new MigError("MIG_E_UNSUPPORTED", `The ${dialect.name} dialect has no database schemas: --schema ${input.schema} cannot be used with it`, {
      hint: "Leave out --schema: the whole database is pulled",
    });
  }
  const others: string[] = [];
  for (const other of loaded.apps) if (other.name !== app.name) others.push(...(await replayApp(other, deps)).snapshot.tableNames());
  const tracking = loaded.config.trackingTable ?? DEFAULT_TRACKING_TABLE;
  const unsupported: UnsupportedObject[] = [];
  const snapshot = await introspector.introspect(connection, {
    excludeTables: [tracking, progressTableName(tracking), ...others],
    onUnsupported: (object) => unsupported.push(object),
    ...(input.schema === undefined ? {} : { schema: input.schema }),
  });
  return { snapshot, unsupported };
}
