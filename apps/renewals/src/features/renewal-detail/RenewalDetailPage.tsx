import { renewalQueries } from "@keel/client";
import { renewalPhaseLabels } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { AsyncContent, DateText, HealthBadge, Money, PageHeader } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { daysLeftText } from "../renewals/renewal-text.ts";
import { AssessmentCard } from "./AssessmentCard.tsx";
import { DocumentsCard } from "./DocumentsCard.tsx";
import { ForecastCard } from "./ForecastCard.tsx";
import { PlanCard } from "./PlanCard.tsx";
import { ProcessCard } from "./ProcessCard.tsx";

/**
 * One renewal: where it stands and why, its assessment and approvals, plan,
 * weekly forecasts beside the data forecast and its processing. Each form is
 * shown only when the detail's `actions` says the server would take it.
 */
export function RenewalDetailPage({ accountHref }: RemoteAppProps) {
  const { renewalId = "" } = useParams();
  const renewal = useQuery(renewalQueries.detail(renewalId));
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => {
    setNotice(null);
    void renewal.refetch();
  };

  return (
    <div className="renewals">
      <AsyncContent
        query={renewal}
        errorTitle="Could not load the renewal"
        loadingLabel="Loading the renewal…"
      >
        {(detail) => (
          <>
            <PageHeader
              breadcrumb={[{ label: "Renewals", href: ".." }, { label: detail.accountName }]}
              renderLink={(item, className) => (
                <Link to={item.href} className={className}>
                  {item.label}
                </Link>
              )}
              title={`${detail.accountName} renewal`}
              description={
                <>
                  <strong>{renewalPhaseLabels[detail.phase]}.</strong> {detail.reason}
                </>
              }
            />
            <dl className="renewals-facts">
              <div>
                <dt>Account</dt>
                <dd>
                  <Link to={accountHref(detail.accountId)}>{detail.accountName}</Link>
                </dd>
              </div>
              <div>
                <dt>Due</dt>
                <dd>
                  <DateText value={detail.dueDate} />
                </dd>
              </div>
              <div>
                <dt>Days left</dt>
                <dd className={detail.overdue ? "renewals-warning" : undefined}>
                  {detail.outcome !== null ? "Processed" : daysLeftText(detail.daysLeft, detail.overdue)}
                </dd>
              </div>
              <div>
                <dt>ARR at stake</dt>
                <dd>
                  <Money cents={detail.arrAtStakeCents} currency={detail.currency} />
                </dd>
              </div>
              <div>
                <dt>Seats</dt>
                <dd>{detail.seatsAtStake.toLocaleString("en-US")}</dd>
              </div>
              <div>
                <dt>Health</dt>
                <dd>
                  <HealthBadge category={detail.healthCategory} />
                </dd>
              </div>
              <div>
                <dt>TA / AE</dt>
                <dd>
                  {detail.ta?.name ?? "No TA"} / {detail.ae?.name ?? "No AE"}
                </dd>
              </div>
            </dl>
            {detail.overdue && (
              <p className="renewals-notice renewals-notice--error">
                Overdue: the renewal date has passed and the outcome is not recorded yet.
              </p>
            )}
            {notice && (
              <p className="renewals-notice" role="status">
                {notice}
              </p>
            )}
            <div className="renewals-grid">
              <AssessmentCard renewal={detail} onNotice={setNotice} onReload={reload} />
              <DocumentsCard renewal={detail} accountHref={accountHref} />
              <PlanCard renewal={detail} onNotice={setNotice} onReload={reload} />
              <ProcessCard renewal={detail} onNotice={setNotice} onReload={reload} />
            </div>
            <ForecastCard renewal={detail} onNotice={setNotice} onReload={reload} />
          </>
        )}
      </AsyncContent>
    </div>
  );
}
