import { isatty } from "node:tty";
import { generateMigrationId } from "@mig/core";
import type { CliDeps } from "./deps";
import { heapForSchema } from "./heap-for-schema";
import { jitiLoader } from "./project/jiti-loader";
import { clackPrompter } from "./prompts/clack-prompter";

/** The real process: streams, terminal, environment, clock and the jiti loader. */
export function nodeDeps(): CliDeps {
  const loader = jitiLoader(process.env);
  return {
    // Not written once the reader has gone (EPIPE, see bin/mig.cjs): the stream is destroyed then.
    stdout: (text) => void (process.stdout.writable && process.stdout.write(text)),
    stderr: (text) => void (process.stderr.writable && process.stderr.write(text)),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    // Not `process.stdin.isTTY`: that creates the stdin stream (several ms) for commands that never read it.
    stdinIsTTY: isatty(0),
    prompter: clackPrompter(),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    newMigrationId: () => generateMigrationId(),
    elapsed: () => performance.now(),
    loadModule: loader.load,
    prepareModules: loader.prepare,
    finish: loader.finish,
    schemaSize: heapForSchema,
  };
}
