import { describeWriteError } from "@keel/app-kit";
import { ApiRequestError, type EnrolmentDetail, lighthouseMutations, lighthouseQueries } from "@keel/client";
import { approvalSideLabels, enrolmentStateLabels } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { Button, Card, DateText, EmptyState, ErrorState, Skeleton } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { criterionStatusText, sourceText, stateText } from "../program/labels.ts";
import { EvidenceForm } from "./EvidenceForm.tsx";
import { LeadershipCard } from "./LeadershipCard.tsx";
import { SavePlanForm } from "./SavePlanForm.tsx";
import { UpdateForm } from "./UpdateForm.tsx";

/** LH-2…LH-5: one account's stay in the program — plan, live criteria, updates, the exit. */
export function EnrolmentPage({ accountHref }: RemoteAppProps) {
  const { enrolmentId = "" } = useParams();
  const detail = useQuery(lighthouseQueries.detail(enrolmentId));
  if (detail.isPending) return <Skeleton lines={8} label="Loading the enrolment…" />;
  if (detail.isError) {
    const missing =
      detail.error instanceof ApiRequestError && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <div className="lighthouse">
        <h1>{missing ? "Enrolment not found" : "Lighthouse"}</h1>
        {missing ? (
          <EmptyState
            title="There is no enrolment at this address"
            action={<Link to="..">Back to the master list</Link>}
          />
        ) : (
          <ErrorState
            title="Could not load the enrolment"
            message={detail.error.message}
            onRetry={() => void detail.refetch()}
          />
        )}
      </div>
    );
  }
  return (
    <Enrolment enrolment={detail.data} accountHref={accountHref} onReload={() => void detail.refetch()} />
  );
}

function Enrolment({
  enrolment,
  accountHref,
  onReload,
}: {
  enrolment: EnrolmentDetail;
  accountHref: (id: string) => string;
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const approve = useMutation(lighthouseMutations.approveExit(queryClient));
  const [editing, setEditing] = useState(false);
  const approveFailure = approve.error ? describeWriteError(approve.error, "this enrolment") : null;
  const e = enrolment;
  return (
    <div className="lighthouse">
      <nav aria-label="Breadcrumb" className="lighthouse-breadcrumb">
        <Link to="..">Lighthouse</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="lighthouse-header">
        <h1>{e.accountName}</h1>
        <p className="lighthouse-lead">
          <strong>{stateText(e.state, e.exit ? { outcome: e.exit.outcome } : null)}.</strong> {e.stateReason}
        </p>
      </header>

      <Card title="The stay">
        <dl className="lighthouse-facts">
          <div>
            <dt>Entered</dt>
            <dd>
              <DateText value={e.enteredAt} /> · {e.enteredBy?.name ?? sourceText(e.source)} (
              {sourceText(e.source)})
            </dd>
          </div>
          <div>
            <dt>Why</dt>
            <dd>{e.reason}</dd>
          </div>
          <div>
            <dt>Exec sponsor</dt>
            <dd>{e.sponsor?.name ?? <span className="lighthouse-warning">Needs exec sponsor</span>}</dd>
          </div>
          <div>
            <dt>Days in the program</dt>
            <dd>{e.daysInProgram}</dd>
          </div>
          <div>
            <dt>Shared with</dt>
            <dd>{e.sharedWith.map((p) => p.name).join(", ") || "—"}</dd>
          </div>
          {e.exit && (
            <div>
              <dt>Exit</dt>
              <dd>
                <DateText value={e.exit.at} />
                {e.exit.note ? ` · ${e.exit.note}` : ""}
              </dd>
            </div>
          )}
        </dl>
        <p>
          <Link to={accountHref(e.accountId)}>Open the account page</Link>
        </p>
      </Card>

      <Card title="Account Save Plan">
        {editing ? (
          <SavePlanForm enrolment={e} onDone={() => setEditing(false)} onReload={onReload} />
        ) : (
          <>
            {e.plan ? (
              <dl className="lighthouse-facts">
                <div>
                  <dt>Problem</dt>
                  <dd>{e.plan.problem}</dd>
                </div>
                <div>
                  <dt>Goal</dt>
                  <dd>{e.plan.goal}</dd>
                </div>
              </dl>
            ) : (
              <p className="lighthouse-muted">The TA has not written the save plan yet.</p>
            )}
            {e.actions.update && (
              <Button onClick={() => setEditing(true)}>
                {e.plan ? "Edit the save plan" : "Write the save plan"}
              </Button>
            )}
          </>
        )}
      </Card>

      <Card title={`Success criteria · ${e.progress.met} of ${e.progress.total} met`}>
        {e.criteria.length === 0 ? (
          <p className="lighthouse-muted">No success criteria yet: the save plan states them.</p>
        ) : (
          <ol className="lighthouse-criteria">
            {e.criteria.map((c) => (
              <li key={c.id} data-status={c.status}>
                <p>
                  <strong>{c.description}</strong> —{" "}
                  <span className={`lighthouse-status lighthouse-status--${c.status}`}>
                    {criterionStatusText[c.status]}
                  </span>
                  {c.definition.kind === "bound" ? " (checked automatically)" : ""}
                </p>
                <p className="lighthouse-muted">{c.reason}</p>
                {c.steps.length > 0 && (
                  <ul>
                    {c.steps.map((s) => (
                      <li key={s.id}>
                        {s.done ? "Done: " : ""}
                        {s.title} — {s.owner?.name ?? "no owner"}, due <DateText value={s.dueOn} />
                      </li>
                    ))}
                  </ul>
                )}
                {c.history.length > 0 && (
                  <p className="lighthouse-muted">
                    History:{" "}
                    {c.history.map((h, i) => (
                      <span key={`${h.at}-${i}`}>
                        {i > 0 ? "; " : ""}
                        {criterionStatusText[h.status].toLowerCase()} <DateText value={h.at} />
                      </span>
                    ))}
                  </p>
                )}
                {c.definition.kind === "manual" && c.status !== "met" && e.actions.update && (
                  <EvidenceForm enrolment={e} criterionId={c.id} onReload={onReload} />
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title="Exit">
        {e.approvals.length > 0 ? (
          <ul>
            {e.approvals.map((a) => (
              <li key={a.side}>
                {approvalSideLabels[a.side]}: {a.by.name}, <DateText value={a.at} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="lighthouse-muted">
            {e.state === "exit_proposed"
              ? "Every criterion is met: Sales and TS leadership each approve the exit."
              : `The exit comes when every success criterion is met (${enrolmentStateLabels.exit_proposed.toLowerCase()}), then both leaderships approve.`}
          </p>
        )}
        {e.actions.approveExit && (
          <Button
            variant="primary"
            disabled={approve.isPending}
            onClick={() => approve.mutate({ id: e.id, version: e.version })}
          >
            {approve.isPending ? "Approving…" : "Approve the exit"}
          </Button>
        )}
        {approveFailure && (
          <p role="alert" className="lighthouse-error">
            {approveFailure.message}
          </p>
        )}
      </Card>

      {e.actions.lead && <LeadershipCard enrolment={e} onReload={onReload} />}

      <Card title="Weekly updates">
        {e.actions.update && <UpdateForm enrolmentId={e.id} />}
        {e.updates.length === 0 ? (
          <p className="lighthouse-muted">No update yet: the TA updates the save plan every week.</p>
        ) : (
          <ol className="lighthouse-updates">
            {e.updates.map((u) => (
              <li key={u.id}>
                <p>
                  <strong>
                    <DateText value={u.at} />
                  </strong>{" "}
                  · {u.author?.name ?? "Unknown"}
                </p>
                <p>{u.progress}</p>
                {u.blockers && <p>Blockers: {u.blockers}</p>}
                {u.risks && <p>Risks: {u.risks}</p>}
                {u.asks && <p>Asks: {u.asks}</p>}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
