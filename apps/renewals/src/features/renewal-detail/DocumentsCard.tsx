import type { RenewalDetail } from "@keel/client";
import { Card } from "@keel/ui";
import { Link } from "react-router";
import { shellHref } from "../renewals/renewal-text.ts";

/** The renewal's documents: its Health Assessment, Save Plan (yellow) and churn retro. */
export function DocumentsCard({
  renewal,
  accountHref,
}: {
  renewal: RenewalDetail;
  accountHref: (accountId: string) => string;
}) {
  const { documents, savePlan } = renewal;
  const documentLink = (id: string, title: string) => (
    <Link to={shellHref(accountHref, `/documents/${id}`)}>{title}</Link>
  );
  return (
    <Card title="Documents">
      <ul className="renewals-list">
        <li>
          {documents.healthAssessmentId ? (
            documentLink(documents.healthAssessmentId, "Health Assessment")
          ) : (
            <>
              Health Assessment: <span className="renewals-muted">not created yet (it opens at T-120)</span>
            </>
          )}
        </li>
        {savePlan !== "not_needed" && (
          <li>
            {documents.savePlanId ? documentLink(documents.savePlanId, "Save Plan") : "Save Plan"}
            {savePlan === "missing" && (
              <span className="renewals-warning"> — missing: a yellow rating needs a save plan</span>
            )}
            {savePlan === "stale" && (
              <span className="renewals-warning"> — stale: not updated in the last week</span>
            )}
            {savePlan === "current" && <span className="renewals-muted"> — up to date</span>}
          </li>
        )}
        {renewal.churnRetroId && (
          <li>
            <Link to={`../retros/${renewal.churnRetroId}`}>Churn retro</Link>
            {documents.churnRetroId && <> ({documentLink(documents.churnRetroId, "document")})</>}
          </li>
        )}
      </ul>
    </Card>
  );
}
