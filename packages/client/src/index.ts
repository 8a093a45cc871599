export { ApiRequestError, api, authApi, isApiRequestError, setApiBaseUrl, unwrap } from "./http.ts";
export * from "./queries.ts";
