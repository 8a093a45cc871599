// React pieces every Keel web app shares (the shell and each team app): they need the API
// client, so they live here rather than in @keel/ui.

export { type AccountColumnId, accountColumns, pickAccountColumns } from "./accounts/account-columns.tsx";
export { ContactRolesEditor } from "./contacts/ContactRolesEditor.tsx";
export { roleSaveFailure, STALE_CONTACT_MESSAGE } from "./contacts/role-save-error.ts";
export {
  type RoleTaggingOptions,
  type TaggableContact,
  useRoleTagging,
} from "./contacts/use-role-tagging.tsx";
export { createQueryClient, shouldRetry } from "./query-client.ts";
export { SignInForm } from "./session/SignInForm.tsx";
export { StandaloneApp } from "./standalone/StandaloneApp.tsx";
export { shellAccountHref, shellOrigin } from "./standalone/shell-link.ts";
