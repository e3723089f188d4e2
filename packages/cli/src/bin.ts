#!/usr/bin/env node
// Kept tiny: `mig --version` answers without loading anything else.
import { VERSION } from "./version";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const [{ main }, { nodeDeps }] = await Promise.all([import("./main"), import("./node-deps")]);
  process.exitCode = await main(argv, nodeDeps());
}
