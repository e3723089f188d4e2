import { DRIZZLE_KIT_BIN, MIG_BIN, shown } from "./paths";

/** A command as spawned, and as the report shows it. */
export interface ToolCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** What a user types (`mig new bench --auto`), with where the binary lives. */
  readonly display: string;
}

/** The built mig binary run by node, as `npx mig` runs it. */
export function mig(...args: string[]): ToolCommand {
  return { command: process.execPath, args: [MIG_BIN, ...args], display: `node ${shown(MIG_BIN)} ${args.join(" ")}` };
}

/** drizzle-kit through its own CLI. */
export function drizzleKit(...args: string[]): ToolCommand {
  return { command: process.execPath, args: [DRIZZLE_KIT_BIN, ...args], display: `node ${shown(DRIZZLE_KIT_BIN)} ${args.join(" ")}` };
}
