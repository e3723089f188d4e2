#!/usr/bin/env node
// The `mig` command. CommonJS on purpose: Node starts a CommonJS entry without setting up its ESM
// loader, so `mig --version` costs about what `node -e 0` does (an ESM entry adds ~20 ms).
// Everything else is the CLI's CommonJS build, run with V8's code cache (`load-cli.cjs`).
"use strict";

// A reader that stops early (`mig --help | head -1`, `mig backwards all --preview | head`) closes
// the pipe: the next write fails with EPIPE. That is not an error of mig: the output nobody reads
// is dropped and the command finishes as it would have (a run is never cut short half-way), with
// its own exit code. Handled here, once, for every command and for both streams.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${require("../package.json").version}\n`);
} else {
  require("./load-cli.cjs").loadCli(argv).catch((error) => {
    process.stderr.write(`mig could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
