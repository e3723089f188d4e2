/**
 * The list of test projects. vitest 4 no longer reads this file by itself, so
 * `vitest.config.ts` imports it into `test.projects`: this file is the one place
 * where a package's tests are registered.
 */
export const projects = [
  "packages/core",
  "packages/postgres",
  "packages/mysql",
  "packages/sqlite",
  "packages/cli",
  "packages/reliability",
  "apps/playground",
  "examples/mig-dialect-pglite",
  "bench",
];

export default projects;
