import type { ColumnEntity, ColumnTypeChange, EmitterHooks, Statement } from "@mig/core/dialect";
import { isSerial, storageType } from "../postgres-type-mapper";
import { createOwnedSequence, dropOwnedSequence, retypeOwnedSequence } from "./sequence-statements";

/**
 * The type step of ALTER COLUMN on PostgreSQL: core's, on the stored types, plus serials. SERIAL
 * is not a type PostgreSQL can ALTER to: a serial is its integer type plus an owned sequence (and
 * that sequence's `nextval` default), which is created, dropped or retyped as the column becomes
 * or stops being a serial.
 */
export function alterColumnType(standard: EmitterHooks, table: string, from: ColumnEntity, to: ColumnEntity): ColumnTypeChange {
  const change = standard.alterColumnType(table, { ...from, ...storageType(from) }, { ...to, ...storageType(to) });
  const serialDropped = isSerial(from) && !isSerial(to);
  const statements: Statement[] = [];
  if (serialDropped) statements.push(dropOwnedSequence(standard, table, from));
  statements.push(...change.statements);
  if (isSerial(from) && isSerial(to) && change.changed) statements.push(retypeOwnedSequence(standard, table, to));
  if (!isSerial(from) && isSerial(to)) statements.push(...createOwnedSequence(standard, table, to));
  // A serial's default is its `nextval(...)`: it goes before the sequence does.
  return { changed: change.changed, dropsImplicitDefault: serialDropped, statements };
}
