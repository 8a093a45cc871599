import { describeWriteError } from "@keel/app-kit";
import { lighthouseMutations } from "@keel/client";
import { Button, TextArea } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

/**
 * LH-1: enter an account by hand, with a reason. Offered where the account is known (its page,
 * its section); the server decides who may (the account's TA or AE, leadership, admins).
 */
export function EnterForm({ accountId, onEntered }: { accountId: string; onEntered: (id: string) => void }) {
  const queryClient = useQueryClient();
  const enter = useMutation(lighthouseMutations.enter(queryClient));
  const [reason, setReason] = useState("");
  const failure = enter.error ? describeWriteError(enter.error, "this account") : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // mutateAsync, not mutate's callback: the refreshed account page unmounts this form on success.
    enter
      .mutateAsync({ accountId, reason })
      .then((enrolment) => onEntered(enrolment.id))
      .catch(() => {}); // shown from enter.error
  };
  return (
    <form className="lighthouse-form" onSubmit={submit} aria-label="Enter Lighthouse">
      <TextArea
        label="Why is the account at risk?"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={failure?.fields.reason}
        required
        rows={3}
      />
      {failure && failure.kind !== "invalid" && (
        <p role="alert" className="lighthouse-error">
          {failure.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={enter.isPending || reason.trim() === ""}>
        {enter.isPending ? "Entering…" : "Enter Lighthouse"}
      </Button>
    </form>
  );
}
