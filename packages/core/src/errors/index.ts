export * from "./error-codes";
export * from "./mig-error";
