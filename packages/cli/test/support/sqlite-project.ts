import { afterEach } from "vitest";
import { configText, MUSIC, SHOP } from "./fixtures";
import { createProject, type TestProject } from "./project";

const projects: TestProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

/** A two-app project on a SQLite file, removed after the test. */
export function sqliteProject(options: { music?: string; shop?: string | null } = {}): TestProject {
  const project = createProject("cmd", {
    "mig.config.ts": configText({ connection: "sqlite:./test.db" }),
    "src/music/tables.ts": options.music ?? MUSIC.initial,
    ...(options.shop === null ? {} : { "src/shop/tables.ts": options.shop ?? SHOP }),
  });
  projects.push(project);
  return project;
}
