// Run as a child process by connection.test.ts: takes the migration lock of the database file
// given as the first argument, says "locked", and holds it until the process is killed.
import { acquireSqliteMigrationLock } from "../src/migration-lock";

await acquireSqliteMigrationLock(process.argv[2] as string, { timeoutMs: 5000 });
process.stdout.write("locked\n");
setInterval(() => undefined, 1000);
