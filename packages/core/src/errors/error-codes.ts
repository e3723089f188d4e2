/**
 * Every error mig raises has one of these stable codes. Tests assert on codes, never on message text.
 * Add codes freely; never rename or reuse one.
 */
export const ERROR_CODES = {
  /** A table definition is invalid (duplicate names, bad default, unknown FK target, ...). */
  MIG_E_SCHEMA_INVALID: "MIG_E_SCHEMA_INVALID",
  /** An identifier is empty or longer than the dialect allows. */
  MIG_E_IDENTIFIER: "MIG_E_IDENTIFIER",
  /** The config file is missing, malformed, or names something that does not exist. */
  MIG_E_CONFIG: "MIG_E_CONFIG",
  /** The dialect named in the config is not registered, not installed, or has the wrong shape. */
  MIG_E_DIALECT: "MIG_E_DIALECT",
  /** Command-line usage is wrong (unknown app, bad argument combination, ...). */
  MIG_E_USAGE: "MIG_E_USAGE",
  /** A question (rename, backfill, confirmation) has no answer and there is no TTY to ask it. */
  MIG_E_NEEDS_INPUT: "MIG_E_NEEDS_INPUT",
  /** The dialect cannot perform an operation (capability flags) and no safe rewrite was allowed. */
  MIG_E_UNSUPPORTED: "MIG_E_UNSUPPORTED",
  /** An operation marked online cannot be made without blocking writes on this database (its hint gives the way that can). */
  MIG_E_NOT_ONLINE: "MIG_E_NOT_ONLINE",
  /**
   * An online step gave up waiting for a table lock another session holds (named in the message:
   * an autovacuum run, a long transaction); writers never queued longer than one bounded try.
   * Nothing of the step ran; run again to resume.
   */
  MIG_E_ONLINE_LOCK_BUSY: "MIG_E_ONLINE_LOCK_BUSY",
  /** A change the diff refuses to plan (serial to bigserial, primary key change, ...). */
  MIG_E_DIFF: "MIG_E_DIFF",
  /** A migration file cannot be loaded: syntax error, missing ID or forwards(), duplicate ID. */
  MIG_E_MIGRATION_FILE: "MIG_E_MIGRATION_FILE",
  /** A migration ID given on the command line is not known. */
  MIG_E_UNKNOWN_MIGRATION: "MIG_E_UNKNOWN_MIGRATION",
  /** An applied migration's file was edited after it ran. */
  MIG_E_CHECKSUM: "MIG_E_CHECKSUM",
  /** A migration failed while running (the database said no, or its raw function threw). */
  MIG_E_MIGRATION_FAILED: "MIG_E_MIGRATION_FAILED",
  /** A previous run stopped part-way through a migration on a database without transactional DDL. */
  MIG_E_PARTIAL: "MIG_E_PARTIAL",
  /** The migration lock could not be taken in time. */
  MIG_E_LOCK_TIMEOUT: "MIG_E_LOCK_TIMEOUT",
  /** The database cannot be reached, or refused the credentials. */
  MIG_E_CONNECTION: "MIG_E_CONNECTION",
  /** Replaying migrations does not make sense (alter of a missing column, duplicate table, ...). */
  MIG_E_REPLAY: "MIG_E_REPLAY",
  /** Apps depend on each other in a cycle, or on an app that does not exist. */
  MIG_E_APP_DEPENDENCY: "MIG_E_APP_DEPENDENCY",
  /** A serialised snapshot cannot be parsed (wrong version, malformed). */
  MIG_E_SNAPSHOT: "MIG_E_SNAPSHOT",
  /** A row copy during a table rebuild would violate a constraint or lose rows. */
  MIG_E_REBUILD: "MIG_E_REBUILD",
  /** The live database differs from the schema its applied migrations add up to (`mig forwards` refuses it). */
  MIG_E_DRIFT: "MIG_E_DRIFT",
  /** Something that should not happen: a bug in mig. */
  MIG_E_INTERNAL: "MIG_E_INTERNAL",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
