export * from "./automation-queries.ts";
export { ApiRequestError, api, authApi, isApiRequestError, setApiBaseUrl, unwrap } from "./http.ts";
export * from "./queries.ts";
export * from "./work-queries.ts";
