import { SectionFacts, todayIso } from "@keel/app-kit";
import { ApiRequestError, accountQueries, healthQueries, lighthouseQueries } from "@keel/client";
import { daysToRenewal } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DateText, EmptyState, ErrorState, HealthBadge, Money, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { EnterForm } from "../program/EnterForm.tsx";
import { stateText } from "../program/labels.ts";

/** A trait graded at or below "concerning" (50 of 100) is one a save plan should name (LH-2). */
const CONCERNING_GRADE = 50;

/**
 * One account through the Lighthouse lens (`accounts/:accountId`): whether it is in the program
 * (LH-1), how close its renewal is, and which health traits pull it down, the candidates for
 * its save plan's success criteria (LH-2).
 */
export function LighthouseAccountPage({ accountHref }: RemoteAppProps) {
  const { accountId = "" } = useParams();
  const detail = useQuery(accountQueries.detail(accountId));
  const health = useQuery(healthQueries.account(accountId));
  const stays = useQuery(lighthouseQueries.list({ accountId, status: "open", pageSize: 1 }));
  const navigate = useNavigate();

  if (detail.isPending) return <Skeleton lines={6} label="Loading the account…" />;
  if (detail.isError) {
    const missing =
      detail.error instanceof ApiRequestError && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <div className="lighthouse">
        <h1>{missing ? "Account not found" : "Lighthouse"}</h1>
        {missing ? (
          <EmptyState
            title="There is no account at this address"
            action={<Link to="..">Back to the master list</Link>}
          />
        ) : (
          <ErrorState
            title="Could not load the account"
            message={detail.error.message}
            onRetry={() => void detail.refetch()}
          />
        )}
      </div>
    );
  }

  const { account } = detail.data;
  const stay = stays.data?.items[0] ?? null;
  const inProgram = stay !== null;
  const mayEnter = detail.data.permissions.includes("account.enterLighthouse");
  const days = daysToRenewal(account.renewalDate, todayIso());
  const concerns = (health.data?.breakdown.traits ?? [])
    .filter((trait) => trait.grade !== null && trait.grade <= CONCERNING_GRADE)
    .sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0));

  return (
    <div className="lighthouse">
      <nav aria-label="Breadcrumb" className="lighthouse-breadcrumb">
        <Link to="..">Lighthouse</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="lighthouse-header">
        <h1>{account.name}</h1>
        <p className="lighthouse-lead">
          {stays.isPending
            ? "Checking the Lighthouse program…"
            : stay
              ? `In the Lighthouse save program: ${stateText(stay.state, stay.exit).toLowerCase()}.`
              : "Not in the Lighthouse program."}
        </p>
        {stay && <Link to={`../enrolments/${stay.id}`}>Open the enrolment</Link>}
      </header>

      {!stays.isPending && !stay && mayEnter && (
        <section className="lighthouse-panel" aria-label="Enter Lighthouse">
          <h2>Enter Lighthouse</h2>
          <p className="lighthouse-muted">
            For an account at risk: the TA gets the Account Save Plan to write, and TS and Sales leadership
            are told.
          </p>
          <EnterForm accountId={account.id} onEntered={(id) => navigate(`../enrolments/${id}`)} />
        </section>
      )}

      <section className="lighthouse-panel" aria-label="Program facts">
        <SectionFacts
          facts={[
            { label: "Status", value: inProgram ? "In the program" : "Not in the program" },
            { label: "Red-account flag", value: account.redAccount ? "Flagged red" : "Not flagged" },
            { label: "Renewal", value: <DateText value={account.renewalDate} fallback="Not set" /> },
            {
              label: "Days to renewal",
              value: days === null ? "—" : days < 0 ? `Overdue by ${-days}` : days.toLocaleString("en-US"),
            },
            { label: "ARR", value: <Money cents={account.arrCents} currency={account.currency} /> },
            {
              label: "Health",
              value: health.data ? (
                <HealthBadge category={health.data.category} score={health.data.score} />
              ) : health.isError ? (
                "Unavailable"
              ) : (
                "…"
              ),
            },
            { label: "TA", value: account.team.ta?.name ?? "Not assigned" },
            { label: "AE", value: account.team.ae?.name ?? "Not assigned" },
          ]}
        >
          <Link to={accountHref(account.id)}>Open the account page</Link>
        </SectionFacts>
      </section>

      <section className="lighthouse-panel" aria-labelledby="lighthouse-concerns">
        <h2 id="lighthouse-concerns">What pulls health down</h2>
        {health.isPending ? (
          <Skeleton lines={3} label="Loading the health breakdown…" />
        ) : health.isError ? (
          <ErrorState
            compact
            title="Could not load the health breakdown"
            message={health.error.message}
            onRetry={() => void health.refetch()}
          />
        ) : concerns.length === 0 ? (
          <p className="lighthouse-muted">No trait is graded concerning or poor.</p>
        ) : (
          <ul className="lighthouse-concerns">
            {concerns.map((trait) => (
              <li key={trait.id}>
                <strong>{trait.label}</strong>{" "}
                <span className="lighthouse-muted">
                  graded {Math.round(trait.grade ?? 0)} of 100{trait.evidence ? ` · ${trait.evidence}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
