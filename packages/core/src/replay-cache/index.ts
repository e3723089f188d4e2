export * from "./replay-with-cache";
export * from "./self-contained";
export * from "./default-cache-dir";
export { REPLAY_CACHE_FORMAT, REPLAY_CACHE_VERSION, type CachedFile, type ReplayCacheEntry } from "./replay-cache-store";
