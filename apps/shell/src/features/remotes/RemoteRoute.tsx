import { type RemoteAppProps, type RemoteName, remotes } from "@keel/federation";
import { useCallback, useMemo } from "react";
import { useNavigate } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { loadRemoteApp } from "./load-remote-app.ts";
import { RemoteApp } from "./RemoteApp.tsx";

const accountHref = (accountId: string) => `/accounts/${accountId}`;

/** A shell route that shows one of the four team apps, inside the shell's layout. */
export function RemoteRoute({ name }: { name: RemoteName }) {
  const { label } = remotes[name];
  useDocumentTitle(label);
  const navigate = useNavigate();
  const load = useCallback((attempt: number) => loadRemoteApp(name, attempt), [name]);
  const appProps = useMemo<RemoteAppProps>(
    () => ({ basePath: `/${name}`, accountHref, navigate: (to: string) => void navigate(to) }),
    [name, navigate],
  );
  return <RemoteApp key={name} appLabel={label} load={load} appProps={appProps} />;
}
