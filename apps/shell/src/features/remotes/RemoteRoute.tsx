import { type RemoteAppProps, type RemoteName, remotes } from "@keel/federation";
import { useCallback, useMemo } from "react";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { loadRemoteApp } from "./load-remote-app.ts";
import { RemoteApp } from "./RemoteApp.tsx";

const accountHref = (accountId: string) => `/accounts/${accountId}`;

/**
 * A shell route (`/<name>/*`) that shows one of the four team apps inside the shell's layout.
 * The app renders its own nested routes below this one, in the shell's router.
 */
export function RemoteRoute({ name }: { name: RemoteName }) {
  const { label } = remotes[name];
  useDocumentTitle(label);
  const load = useCallback((attempt: number) => loadRemoteApp(name, attempt), [name]);
  const appProps = useMemo<RemoteAppProps>(() => ({ basePath: `/${name}`, accountHref }), [name]);
  return <RemoteApp key={name} appLabel={label} load={load} appProps={appProps} />;
}
