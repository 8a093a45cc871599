// React pieces every Keel web app shares (the shell and each team app): they need the API
// client, so they live here rather than in @keel/ui.

export { type AccountColumnId, accountColumns, pickAccountColumns } from "./accounts/account-columns.tsx";
export { MineOnlyToggle } from "./accounts/MineOnlyToggle.tsx";
export { type SectionFact, SectionFacts } from "./accounts/SectionFacts.tsx";
export { ContactRolesEditor } from "./contacts/ContactRolesEditor.tsx";
export { roleSaveFailure, STALE_CONTACT_MESSAGE } from "./contacts/role-save-error.ts";
export {
  type RoleTaggingOptions,
  type TaggableContact,
  useRoleTagging,
} from "./contacts/use-role-tagging.tsx";
export { todayIso } from "./dates.ts";
export { describeWriteError, type WriteFailure } from "./forms/write-error.ts";
export { createQueryClient, shouldRetry } from "./query-client.ts";
export { PageNotFound } from "./routing/PageNotFound.tsx";
export { type PageTab, PageTabs } from "./routing/PageTabs.tsx";
export { RouterRowLink } from "./routing/RouterRowLink.tsx";
export { SessionFrame, type SessionFrameProps } from "./session/SessionFrame.tsx";
export { SignInForm } from "./session/SignInForm.tsx";
export { type Session, SessionContext, useSession } from "./session/session-context.ts";
export { useSignIn, useSignOut } from "./session/use-session-actions.ts";
export { StandaloneApp } from "./standalone/StandaloneApp.tsx";
export { shellAccountHref, shellOrigin } from "./standalone/shell-link.ts";
export { sortFromParams, useTableUrlState, useUrlFlag, useUrlParam } from "./url-state/url-state.ts";
