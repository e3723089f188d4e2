import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/** The packages the `mig` binary loads, and this one (whose node_modules the test projects resolve through). */
const PACKAGES = ["core", "sqlite", "postgres", "mysql", "cli", "reliability"];

export interface FrozenBuild {
  /** The copied `mig` binary. */
  readonly bin: string;
  /** Where test projects go: their `@mig/core` imports resolve to the copied build. */
  readonly workDir: string;
}

function linkModules(root: string, dest: string, pkg: string): void {
  const from = join(root, "packages", pkg, "node_modules");
  if (!existsSync(from)) return;
  const to = join(dest, "packages", pkg, "node_modules");
  for (const entry of readdirSync(from)) {
    if (entry.startsWith(".")) continue;
    if (entry.startsWith("@")) {
      mkdirSync(join(to, entry), { recursive: true });
      for (const scoped of readdirSync(join(from, entry))) {
        const target = entry === "@mig" ? join(dest, "packages", scoped) : realpathSync(join(from, entry, scoped));
        symlinkSync(target, join(to, entry, scoped));
      }
    } else {
      mkdirSync(to, { recursive: true });
      symlinkSync(realpathSync(join(from, entry)), join(to, entry));
    }
  }
}

/**
 * A copy of the built packages (`bin/`, `dist/` and `package.json`) in `dest`, with node_modules links:
 * `@mig/*` to the copies, everything else to the installed packages. Long runs use it so that a
 * rebuild in the work tree (someone else's `pnpm build`) cannot change the binary under them.
 */
export function freezeBuild(root: string, dest: string): FrozenBuild {
  rmSync(dest, { recursive: true, force: true });
  for (const pkg of PACKAGES) {
    const source = join(root, "packages", pkg);
    const target = join(dest, "packages", pkg);
    mkdirSync(target, { recursive: true });
    cpSync(join(source, "package.json"), join(target, "package.json"));
    for (const dir of ["bin", "dist"]) {
      if (existsSync(join(source, dir))) cpSync(join(source, dir), join(target, dir), { recursive: true });
    }
  }
  for (const pkg of PACKAGES) linkModules(root, dest, pkg);
  const workDir = join(dest, "packages", "reliability", ".tmp");
  mkdirSync(workDir, { recursive: true });
  return { bin: join(dest, "packages", "cli", "bin", "mig.cjs"), workDir };
}
