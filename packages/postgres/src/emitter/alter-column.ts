import type { OperationHandler, Statement } from "@mig/core/dialect";
import { isSerial, storageType } from "../postgres-type-mapper";
import { createOwnedSequence, dropOwnedSequence, retypeOwnedSequence } from "./sequence-statements";

/**
 * ALTER COLUMN for PostgreSQL: type (with a `USING` cast), default, nullability, each its own
 * statement, all in place (manual: ALTER TABLE). Like the standard handler, plus serials: SERIAL is
 * not a type PostgreSQL can ALTER to, so a serial is its integer type plus an owned sequence that
 * is created, dropped or retyped as the column becomes or stops being a serial.
 */
export const alterColumn: OperationHandler<"alter_column"> = ({ table, from, to, backfill }, hooks) => {
  const q = hooks.quoteIdentifier;
  const prefix = `ALTER TABLE ${q(table)} ALTER COLUMN ${q(to.name)}`;
  const out: Statement[] = [];
  const fromType = hooks.renderType(storageType(from));
  const toType = hooks.renderType(storageType(to));
  const typeChanged = fromType !== toType;
  const defaultChanged = JSON.stringify(from.default) !== JSON.stringify(to.default);
  const serialDropped = isSerial(from) && !isSerial(to);
  const serialAdded = !isSerial(from) && isSerial(to);

  // The old default may not convert to the new type: drop it before the type changes. A serial's
  // default is its `nextval(...)`.
  if ((from.default && (defaultChanged || typeChanged)) || serialDropped) out.push({ sql: `${prefix} DROP DEFAULT` });
  if (serialDropped) out.push(dropOwnedSequence(hooks, table, from));
  if (typeChanged) {
    const cast = hooks.renderCast(q(to.name), from, to);
    // Without USING, PostgreSQL converts with the assignment cast: say USING only when it differs.
    out.push({ sql: `${prefix} TYPE ${toType}${cast === q(to.name) ? "" : ` USING ${cast}`}` });
  }
  if (isSerial(from) && isSerial(to) && typeChanged) out.push(retypeOwnedSequence(hooks, table, to));
  if (serialAdded) out.push(...createOwnedSequence(hooks, table, to));
  if (to.default && (defaultChanged || typeChanged)) out.push({ sql: `${prefix} SET DEFAULT ${hooks.renderDefault(to.default, to)}` });
  if (from.nullable && !to.nullable) {
    if (backfill !== undefined) {
      out.push({ sql: `UPDATE ${q(table)} SET ${q(to.name)} = ${hooks.quoteLiteral(backfill, to)} WHERE ${q(to.name)} IS NULL` });
    }
    out.push({ sql: `${prefix} SET NOT NULL` });
  }
  if (!from.nullable && to.nullable) out.push({ sql: `${prefix} DROP NOT NULL` });
  return out;
};
