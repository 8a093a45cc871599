import { describeWriteError } from "@keel/app-kit";
import { lighthouseMutations } from "@keel/client";
import { Button, TextArea } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

const empty = { progress: "", blockers: "", risks: "", asks: "" };

/** LH-4: the TA's weekly update on the save plan. */
export function UpdateForm({ enrolmentId }: { enrolmentId: string }) {
  const queryClient = useQueryClient();
  const post = useMutation(lighthouseMutations.update(queryClient));
  const [draft, setDraft] = useState(empty);
  const failure = post.error ? describeWriteError(post.error, "this enrolment") : null;
  const field = (name: keyof typeof empty, label: string, required = false) => (
    <TextArea
      label={label}
      rows={2}
      required={required}
      value={draft[name]}
      error={failure?.fields[name]}
      onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate({ id: enrolmentId, body: draft }, { onSuccess: () => setDraft(empty) });
  };
  return (
    <form className="lighthouse-form" aria-label="Post this week's update" onSubmit={submit}>
      {field("progress", "Progress this week", true)}
      {field("blockers", "Blockers")}
      {field("risks", "Risks")}
      {field("asks", "Asks")}
      {failure && failure.kind !== "invalid" && (
        <p role="alert" className="lighthouse-error">
          {failure.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={post.isPending || draft.progress.trim() === ""}>
        {post.isPending ? "Posting…" : "Post the update"}
      </Button>
    </form>
  );
}
