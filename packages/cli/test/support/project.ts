import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Temp projects live inside the package, so that their imports of @mig/* resolve to the workspace. */
const TMP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../.tmp");

export interface TestProject {
  readonly dir: string;
  write(path: string, text: string): void;
  read(path: string): string;
  /** File names in a folder of the project (sorted; empty when it does not exist). */
  list(path: string): string[];
  remove(): void;
}

export function createProject(name: string, files: Readonly<Record<string, string>>): TestProject {
  const dir = join(TMP_ROOT, `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  const project: TestProject = {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path) => readFileSync(join(dir, path), "utf8"),
    list(path) {
      try {
        return readdirSync(join(dir, path)).sort();
      } catch {
        return [];
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [path, text] of Object.entries(files)) project.write(path, text);
  return project;
}
