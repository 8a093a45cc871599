import { SessionFrame } from "@keel/app-kit";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { MainNav } from "../navigation/MainNav.tsx";
import { NotificationsMenu } from "../notifications/NotificationsMenu.tsx";
import { AccountSearch } from "../search/AccountSearch.tsx";
import { signInPath } from "../session/sign-in-path.ts";

/** Router state that tells the sign-in page the user just left (so it shows the form). */
export const SIGNED_OUT_STATE = { signedOut: true } as const;

/** The signed-in shell: app-kit's session frame with the shell's navigation, search and bell. */
export function ShellFrame() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <SessionFrame
      brandHref="/"
      navigation={<MainNav />}
      actions={
        <>
          <AccountSearch />
          <NotificationsMenu />
        </>
      }
      // Anyone without a session signs in and comes back here.
      signedOut={<Navigate to={signInPath(location.pathname + location.search + location.hash)} replace />}
      // Leave the signed-in pages before the user is forgotten (see useSignOut).
      beforeForget={() => navigate("/signin", { replace: true, state: SIGNED_OUT_STATE })}
    >
      <Outlet />
    </SessionFrame>
  );
}
