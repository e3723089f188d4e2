import { buildCliWhenStale } from "../../../../scripts/build-cli-when-stale";

/** The end-to-end tests spawn the built `mig` binary: build it when it is missing or stale. */
export default function setup(): void {
  buildCliWhenStale();
}
