import { type RenewalDetail, renewalMutations } from "@keel/client";
import {
  approvalSideLabels,
  approvalSides,
  type RenewalRating,
  renewalRatingLabels,
  renewalRatings,
} from "@keel/domain";
import { Button, Card, DateText, TextArea } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeWriteError, WriteErrorNotice } from "./write-error.tsx";

type CardProps = { renewal: RenewalDetail; onNotice: (text: string) => void; onReload: () => void };

/** the health assessment's rating and summary, and each leadership side's approval. */
export function AssessmentCard({ renewal, onNotice, onReload }: CardProps) {
  const { assessment, actions } = renewal;
  const queryClient = useQueryClient();
  const approveOptions = renewalMutations.approve(queryClient);
  const approve = useMutation({
    ...approveOptions,
    onSuccess: (...args) => {
      onNotice("Approved.");
      return approveOptions.onSuccess?.(...args);
    },
  });
  const approveFailure = approve.error ? describeWriteError(approve.error) : null;

  return (
    <Card title="Health assessment">
      {assessment === null ? (
        <p className="renewals-muted">Not rated yet.</p>
      ) : (
        <>
          <dl className="renewals-facts">
            <div>
              <dt>Rating</dt>
              <dd>
                <span className={`renewals-rating renewals-rating--${assessment.rating}`}>
                  {renewalRatingLabels[assessment.rating]}
                </span>
              </dd>
            </div>
            <div>
              <dt>Rated by</dt>
              <dd>
                {assessment.assessedBy?.name ?? "Unknown"}, <DateText value={assessment.assessedAt} />
              </dd>
            </div>
          </dl>
          <p className="renewals-summary">{assessment.summary}</p>
          <h4>Approvals</h4>
          <ul className="renewals-list" aria-label="Approvals">
            {approvalSides.map((side) => {
              const approval = assessment.approvals.find((candidate) => candidate.side === side);
              return (
                <li key={side}>
                  {approvalSideLabels[side]}:{" "}
                  {approval ? (
                    <>
                      approved by {approval.by.name}, <DateText value={approval.at} />
                    </>
                  ) : (
                    <span className="renewals-muted">awaiting approval</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      {actions.approveAs !== null && (
        <div className="renewals-form__row">
          <Button
            variant="primary"
            size="sm"
            loading={approve.isPending}
            onClick={() => approve.mutate({ id: renewal.id, version: renewal.version })}
          >
            Approve for {approvalSideLabels[actions.approveAs]}
          </Button>
        </div>
      )}
      {approveFailure && <WriteErrorNotice failure={approveFailure} onReload={onReload} />}

      {actions.assess && (
        <AssessmentForm key={renewal.version} renewal={renewal} onNotice={onNotice} onReload={onReload} />
      )}
    </Card>
  );
}

function AssessmentForm({ renewal, onNotice, onReload }: CardProps) {
  const queryClient = useQueryClient();
  const [rating, setRating] = useState<RenewalRating | "">(renewal.assessment?.rating ?? "");
  const [summary, setSummary] = useState(renewal.assessment?.summary ?? "");
  const [missing, setMissing] = useState<{ rating?: string; summary?: string }>({});
  const assessOptions = renewalMutations.assess(queryClient);
  const assess = useMutation({
    ...assessOptions,
    onSuccess: (...args) => {
      onNotice("Assessment saved. It needs both leadership approvals.");
      return assessOptions.onSuccess?.(...args);
    },
  });
  const failure = assess.error ? describeWriteError(assess.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(rating === "" && { rating: "Choose a rating" }),
      ...(summary.trim() === "" && { summary: "Write a summary" }),
    };
    setMissing(problems);
    if (rating === "" || Object.keys(problems).length > 0) return;
    assess.mutate({ id: renewal.id, version: renewal.version, body: { rating, summary: summary.trim() } });
  };

  return (
    <form className="renewals-form" aria-label="Rate the renewal" onSubmit={submit} noValidate>
      <fieldset className="renewals-fieldset" aria-invalid={missing.rating ? true : undefined}>
        <legend>Rating</legend>
        <div className="renewals-form__row">
          {renewalRatings.map((option) => (
            <label key={option} className="renewals-radio">
              <input
                type="radio"
                name="rating"
                value={option}
                checked={rating === option}
                onChange={() => setRating(option)}
              />
              {renewalRatingLabels[option]}
            </label>
          ))}
        </div>
        {(missing.rating ?? failure?.fields.rating) && (
          <p className="renewals-warning">{missing.rating ?? failure?.fields.rating}</p>
        )}
      </fieldset>
      <TextArea
        label="Summary"
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        required
        error={missing.summary ?? failure?.fields.summary}
        hint="What the rating rests on. A new rating needs TS and Sales leadership to approve it again."
      />
      {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
      <div className="renewals-form__row">
        <Button type="submit" variant="primary" size="sm" loading={assess.isPending}>
          {renewal.assessment ? "Save new rating" : "Save rating"}
        </Button>
      </div>
    </form>
  );
}
