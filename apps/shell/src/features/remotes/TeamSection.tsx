import { type RemoteName, remotes } from "@keel/federation";
import { Card } from "@keel/ui";
import { useCallback, useMemo } from "react";
import { loadAccountSection } from "./load-remote-app.ts";
import { RemoteSection } from "./RemoteApp.tsx";

/**
 * A team's card on the account page: the shell draws the card (title, anchor) and mounts the
 * team app's `./AccountSection` in it, loaded lazily and failing on its own.
 */
export function TeamSection({
  name,
  title,
  id,
  accountId,
}: {
  name: RemoteName;
  title: string;
  /** The in-page anchor (#renewal). */
  id: string;
  accountId: string;
}) {
  const { label } = remotes[name];
  const load = useCallback((attempt: number) => loadAccountSection(name, attempt), [name]);
  const sectionProps = useMemo(() => ({ accountId }), [accountId]);
  return (
    <Card title={title} id={id} className="team-section" data-team={name}>
      <RemoteSection appLabel={label} load={load} sectionProps={sectionProps} />
    </Card>
  );
}
