#!/usr/bin/env node
// The `mig` command. CommonJS on purpose: Node starts a CommonJS entry without setting up its ESM
// loader, so `mig --version` costs about what `node -e 0` does (an ESM entry adds ~20 ms).
// Everything else is the ESM build (`dist/bin.js`).
"use strict";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${require("../package.json").version}\n`);
} else {
  import("../dist/bin.js").catch((error) => {
    process.stderr.write(`mig could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
