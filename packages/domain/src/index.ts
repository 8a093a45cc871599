export * from "./accounts/account.ts";
export * from "./accounts/segmentation.ts";
export * from "./contacts/contact.ts";
export * from "./health/category.ts";
export * from "./health/engine.ts";
export * from "./health/policy.ts";
export * from "./people/permissions.ts";
export * from "./people/roles.ts";
