import { type Dialect } from "@mig/core";
import { type Connection, entityKey } from "@mig/core/dialect";
import { introspectApp, progressRows, trackingRows } from "./database-state";

/**
 * Everything a failed command must leave as it was: the schema (every entity), the tracking rows
 * and the progress rows, as one string to compare before and after.
 */
export async function stateFingerprint(dialect: Dialect, connection: Connection): Promise<string> {
  const schema = (await introspectApp(dialect, connection)).entities.map((e) => `${entityKey(e)} ${JSON.stringify(e)}`);
  return JSON.stringify({ schema, tracking: await trackingRows(dialect, connection), progress: await progressRows(dialect, connection) });
}
