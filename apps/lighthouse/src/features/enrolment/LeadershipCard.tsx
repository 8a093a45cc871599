import { describeWriteError } from "@keel/app-kit";
import { type EnrolmentDetail, lighthouseMutations, usersQuery } from "@keel/client";
import { Button, Card, Select, type SelectOption, TextInput } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

type Person = { id: string; name: string; roles: string[] };

/**
 * LH-3 / LH-5, for leadership (shown only to those the server lets do it): name the exec
 * sponsor, or end a stay that was not a save — the customer churned, or the program no longer
 * applies — with a note.
 */
export function LeadershipCard({
  enrolment,
  onReload,
}: {
  enrolment: EnrolmentDetail;
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const people = useQuery(usersQuery());
  const sponsor = useMutation(lighthouseMutations.sponsor(queryClient));
  const close = useMutation(lighthouseMutations.close(queryClient));
  const [sponsorId, setSponsorId] = useState(enrolment.sponsor?.id ?? "");
  const [outcome, setOutcome] = useState<"churned" | "withdrawn">("withdrawn");
  const [note, setNote] = useState("");
  const leaders: SelectOption<string>[] = ((people.data?.items ?? []) as Person[])
    .filter((p) => p.roles.includes("exec") || p.roles.includes("manager"))
    .map((p) => ({ value: p.id, label: p.name }));
  const failure = sponsor.error ?? close.error;
  const described = failure ? describeWriteError(failure, "this enrolment") : null;
  const end = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ id: enrolment.id, version: enrolment.version, body: { outcome, note } });
  };
  return (
    <Card title="Leadership">
      <div className="lighthouse-row-actions">
        <Select
          label="Exec sponsor"
          options={leaders}
          placeholder="Choose an exec or a manager"
          value={sponsorId}
          onValueChange={setSponsorId}
        />
        <Button
          disabled={sponsor.isPending || sponsorId === "" || sponsorId === enrolment.sponsor?.id}
          onClick={() =>
            sponsor.mutate({ id: enrolment.id, version: enrolment.version, body: { sponsorId } })
          }
        >
          {sponsor.isPending ? "Saving…" : "Name the sponsor"}
        </Button>
      </div>
      <form className="lighthouse-form lighthouse-form--inline" aria-label="End the stay" onSubmit={end}>
        <Select
          label="End the stay as"
          options={[
            { value: "withdrawn", label: "Withdrawn (the program no longer applies)" },
            { value: "churned", label: "Churned (the customer left)" },
          ]}
          value={outcome}
          onValueChange={(value) => value && setOutcome(value)}
        />
        <TextInput label="Why" value={note} required onChange={(event) => setNote(event.target.value)} />
        <Button type="submit" variant="danger" disabled={close.isPending || note.trim() === ""}>
          {close.isPending ? "Ending…" : "End the stay"}
        </Button>
      </form>
      {described && (
        <p role="alert" className="lighthouse-error">
          {described.message}{" "}
          {described.kind === "stale" && (
            <Button size="sm" onClick={onReload}>
              Reload
            </Button>
          )}
        </p>
      )}
    </Card>
  );
}
