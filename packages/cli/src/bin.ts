#!/usr/bin/env node
// What the `mig` bin (`bin/mig.cjs`, which answers `--version` itself) runs for every command.

const argv = process.argv.slice(2);
const [{ main }, { nodeDeps }] = await Promise.all([import("./main"), import("./node-deps")]);
process.exitCode = await main(argv, nodeDeps());

export {};
