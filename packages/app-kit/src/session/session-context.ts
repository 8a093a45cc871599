import type { SessionUser } from "@keel/domain";
import { createContext, useContext } from "react";

export interface Session {
  user: SessionUser;
  /** Global actions the user may take (SPEC §1), as the API answered on /me. */
  permissions: readonly string[];
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user. Only inside <SessionFrame>, which renders nothing else without one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() is used outside <SessionFrame>");
  return session;
}
