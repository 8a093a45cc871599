import { describeWriteError, todayIso, useSession, useUrlParam } from "@keel/app-kit";
import { lighthouseMutations, lighthouseQueries } from "@keel/client";
import type { RemoteAppProps } from "@keel/federation";
import { Button, Card, ErrorState, PageHeader, Skeleton, TextInput } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ProgramTabs } from "../program/ProgramTabs.tsx";

/**
 * LH-4: the program sync's agenda for a chosen day, written from the records: new entrants
 * (problem, goal, criteria, plan) and existing accounts (two weeks of updates, blockers, risks,
 * asks, criteria met with what changed). Export as Markdown, print, or record the sync held.
 */
export function AgendaPage(_props: RemoteAppProps) {
  const [dateParam, setDate] = useUrlParam("date");
  const date = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : todayIso();
  const agenda = useQuery(lighthouseQueries.agenda(date));
  const session = useSession();
  // LH-4: leadership records the sync (the server's answer on /me says who may).
  const leads = session.permissions.includes("lighthouse.recordSync");
  const queryClient = useQueryClient();
  const record = useMutation(lighthouseMutations.recordSync(queryClient));
  const failure = record.error ? describeWriteError(record.error, "the sync") : null;
  const download = () => {
    if (!agenda.data) return;
    const url = URL.createObjectURL(new Blob([agenda.data.markdown], { type: "text/markdown" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `lighthouse-sync-${date}.md`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="lighthouse">
      <PageHeader
        title="Lighthouse sync agenda"
        description="Written from the program's records for the day you pick: new entrants first, then every other account's last two weeks."
      />
      <ProgramTabs from="page" />
      <div className="lighthouse-row-actions lighthouse-no-print">
        <TextInput
          label="Sync day"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value || null)}
        />
        <Button onClick={download} disabled={!agenda.data}>
          Download Markdown
        </Button>
        <Button onClick={() => window.print()} disabled={!agenda.data}>
          Print
        </Button>
        {leads && date <= todayIso() && (
          <Button
            variant="primary"
            disabled={record.isPending}
            onClick={() => record.mutate({ heldOn: date, attendeeIds: [session.user.id], post: true })}
          >
            {record.isPending ? "Recording…" : "Record the sync as held and post it to chat"}
          </Button>
        )}
      </div>
      {record.isSuccess && (
        <p role="status" className="lighthouse-note">
          Sync recorded: {record.data.presented} new plan(s) now count as presented, and the agenda went to
          the chat.
        </p>
      )}
      {failure && (
        <p role="alert" className="lighthouse-error">
          {failure.message}
        </p>
      )}
      {agenda.isPending ? (
        <Skeleton lines={10} label="Writing the agenda…" />
      ) : agenda.isError ? (
        <ErrorState
          title="Could not write the agenda"
          message={agenda.error.message}
          onRetry={() => void agenda.refetch()}
        />
      ) : (
        <Card title={`Agenda for ${date}`}>
          <p className="lighthouse-muted">
            {agenda.data.newEntrants.length} new entrant(s), {agenda.data.existing.length} existing account(s)
            {agenda.data.exited.length > 0 ? `, ${agenda.data.exited.length} left the program` : ""}.
          </p>
          <pre className="lighthouse-agenda">{agenda.data.markdown}</pre>
        </Card>
      )}
    </div>
  );
}
