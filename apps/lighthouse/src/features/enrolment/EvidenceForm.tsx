import { describeWriteError, todayIso } from "@keel/app-kit";
import { type EnrolmentDetail, lighthouseMutations } from "@keel/client";
import { Button, TextInput } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

/** LH-2: mark a manual criterion met — what shows it, and the day. */
export function EvidenceForm({
  enrolment,
  criterionId,
  onReload,
}: {
  enrolment: EnrolmentDetail;
  criterionId: string;
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const mark = useMutation(lighthouseMutations.evidence(queryClient));
  const [evidence, setEvidence] = useState("");
  const [metOn, setMetOn] = useState(todayIso());
  const failure = mark.error ? describeWriteError(mark.error, "this enrolment") : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mark.mutate({ id: enrolment.id, criterionId, version: enrolment.version, body: { evidence, metOn } });
  };
  return (
    <form
      className="lighthouse-form lighthouse-form--inline"
      aria-label="Mark the criterion met"
      onSubmit={submit}
    >
      <TextInput
        label="Evidence"
        value={evidence}
        required
        error={failure?.fields.evidence}
        onChange={(event) => setEvidence(event.target.value)}
      />
      <TextInput
        label="Met on"
        type="date"
        value={metOn}
        required
        error={failure?.fields.metOn}
        onChange={(event) => setMetOn(event.target.value)}
      />
      <Button type="submit" disabled={mark.isPending || evidence.trim() === ""}>
        {mark.isPending ? "Saving…" : "Mark met"}
      </Button>
      {failure && failure.kind !== "invalid" && (
        <p role="alert" className="lighthouse-error">
          {failure.message}{" "}
          {failure.kind === "stale" && (
            <Button size="sm" onClick={onReload}>
              Reload
            </Button>
          )}
        </p>
      )}
    </form>
  );
}
