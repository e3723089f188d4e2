import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT, buildCliWhenStale } from "../../../../scripts/build-cli-when-stale";
import { freezeBuild } from "../../src/cli/freeze-build";

/**
 * The CLI tests spawn the built `mig` binary: build it (and what it loads) when missing or older
 * than its sources, then freeze a copy for this run, so that a rebuild in the work tree during the
 * run cannot swap the binary under a test. A failed build is reported and the tests run anyway:
 * the round trips need no build, and the CLI tests then fail with the binary's own error.
 * `MIG_RELIABILITY_NO_BUILD=1` skips the build (a tree where someone is mid-edit).
 */
export default function setup(): () => void {
  if (process.env.MIG_RELIABILITY_NO_BUILD !== "1") buildCliWhenStale({ failSoft: true });
  const frozen = freezeBuild(ROOT, join(ROOT, "packages/reliability/.tmp", `frozen-${process.pid}`));
  process.env.MIG_RELIABILITY_BIN = frozen.bin;
  process.env.MIG_RELIABILITY_WORK_DIR = frozen.workDir;
  return () => rmSync(dirname(dirname(dirname(frozen.workDir))), { recursive: true, force: true });
}
