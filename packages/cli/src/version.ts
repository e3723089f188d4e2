import { version } from "../package.json";

/** The version of @mig/cli (also written into new migration files as VERSION). */
export const VERSION: string = version;
