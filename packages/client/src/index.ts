export { ApiRequestError, api, authApi, setApiBaseUrl, unwrap } from "./http.ts";
export * from "./queries.ts";
