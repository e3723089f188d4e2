/**
 * The app name as it appears in file names: lower case, anything but `a-z`, `0-9` and `_`
 * becomes `_`, runs of `_` collapse, and leading/trailing `_` go (`"App-Name!"` → `"app_name"`).
 * A name with nothing left becomes `"app"`.
 */
export function cleanAppName(appName: string): string {
  const cleaned = appName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  return cleaned === "" ? "app" : cleaned;
}

/**
 * The file name of a new migration: `<app>_<yyyy>_<mm>_<dd>t<hh>_<mm>_<ss>_<ffffff>.ts`.
 * Only the `ID` inside the file orders migrations; the name is for people.
 *
 * @example
 * ```ts
 * migrationFileName("Music", "2026-11-22T13:58:23:024723"); // "music_2026_11_22t13_58_23_024723.ts"
 * ```
 */
export function migrationFileName(appName: string, migrationId: string): string {
  const stamp = migrationId.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  return `${cleanAppName(appName)}_${stamp}.ts`;
}
