export * from "./entities";
export * from "./snapshot";
