import { ApiRequestError, accountQueries } from "@keel/client";
import { segmentLabels } from "@keel/domain";
import { EmptyState, ErrorState, Money, Skeleton, StagePill } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { AccountDocumentsCard } from "../documents/AccountDocumentsCard.tsx";
import { HealthCard } from "../health/HealthCard.tsx";
import { StageHistoryCard } from "../lifecycle/StageHistoryCard.tsx";
import { TeamSection } from "../remotes/TeamSection.tsx";
import { AccountProjectsCard } from "../tasks/AccountProjectsCard.tsx";
import { AccountTasksCard } from "../tasks/AccountTasksCard.tsx";
import { AccountFacts } from "./AccountFacts.tsx";
import { ContactsCard } from "./ContactsCard.tsx";
import { TeamCard } from "./TeamCard.tsx";

/** The page's parts, in order, for the in-page navigation; each is an element with this id. */
const pageSections = [
  { id: "overview", label: "Overview" },
  { id: "health", label: "Health" },
  { id: "renewal", label: "Renewal" },
  { id: "lighthouse", label: "Lighthouse" },
  { id: "adoption", label: "Adoption" },
  { id: "contacts", label: "Contacts" },
  { id: "work", label: "Work" },
] as const;

/**
 * Account page (SPEC §11): header facts, team, health (SPEC §4), one section per team app
 * (renewal, Lighthouse, adoption, contacts: each the team's own `./AccountSection`), contacts,
 * and the account's work (tasks, projects, documents, stage history).
 */
export function AccountPage() {
  const { accountId = "" } = useParams();
  const detail = useQuery(accountQueries.detail(accountId));
  useDocumentTitle(detail.data?.account.name ?? "Account");
  // Links to a section (#tasks, #health …) land on it once the page has rendered.
  const { hash } = useLocation();
  const loaded = detail.isSuccess;
  useEffect(() => {
    if (!loaded || !hash) return;
    const section = document.getElementById(decodeURIComponent(hash.slice(1)));
    section?.scrollIntoView({ block: "start" });
  }, [loaded, hash]);

  if (detail.isPending) {
    return (
      <div className="shell-page">
        <Skeleton lines={1} width="16rem" label="Loading the account…" />
        <div className="account-grid">
          <Skeleton variant="block" height="18rem" label={null} />
          <Skeleton variant="block" height="18rem" label={null} />
        </div>
      </div>
    );
  }

  if (detail.isError) {
    const error = detail.error;
    // 400: not an account id at all; 404: no such account. Either way, nothing to retry.
    const missing = error instanceof ApiRequestError && (error.status === 404 || error.status === 400);
    return (
      <div className="shell-page">
        <header className="shell-page__header">
          <h1>{missing ? "Account not found" : "Account"}</h1>
        </header>
        <div className="shell-panel">
          {missing ? (
            <EmptyState
              title="There is no account at this address"
              message="It may have been removed, or the link is wrong."
              action={<Link to="/">Back to My book</Link>}
            />
          ) : (
            <ErrorState
              title="Could not load the account"
              message={error.message}
              onRetry={() => void detail.refetch()}
              retrying={detail.isFetching}
            />
          )}
        </div>
      </div>
    );
  }

  const { account, permissions } = detail.data;
  return (
    <div className="shell-page account-page">
      <div id="overview" className="account-page__part">
        <nav aria-label="Breadcrumb" className="shell-breadcrumb">
          <Link to="/">My book</Link> <span aria-hidden="true">/</span>
        </nav>
        <header className="shell-page__header account-header">
          <div>
            <h1>{account.name}</h1>
            <p className="account-header__meta">
              <span>{account.domain}</span>
              <span aria-hidden="true">·</span>
              <span>{segmentLabels[account.segment]}</span>
              <span aria-hidden="true">·</span>
              <Money cents={account.arrCents} currency={account.currency} /> ARR
            </p>
          </div>
          <div className="account-header__badges">
            {account.redAccount && <span className="keel-badge shell-red-flag">Red account</span>}
            <StagePill stage={account.lifecycleStage} />
          </div>
        </header>
        <nav aria-label="On this page" className="account-toc">
          <ul>
            {pageSections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account-grid">
          <AccountFacts account={account} />
          <TeamCard team={account.team} />
        </div>
      </div>
      <HealthCard accountId={account.id} canEditTraits={permissions.includes("account.editTraits")} />
      <div className="account-teams">
        <TeamSection name="renewals" title="Renewal" id="renewal" accountId={account.id} />
        <TeamSection name="lighthouse" title="Lighthouse" id="lighthouse" accountId={account.id} />
        <TeamSection name="adoption" title="Adoption" id="adoption" accountId={account.id} />
        {/* "#contacts" is the contacts card below; this is its summary by the contacts team. */}
        <TeamSection name="contacts" title="Contact coverage" id="contact-coverage" accountId={account.id} />
      </div>
      <ContactsCard accountId={account.id} canTag={permissions.includes("account.tagContacts")} />
      <div id="work" className="account-page__part">
        <AccountTasksCard
          accountId={account.id}
          team={account.team}
          canEdit={permissions.includes("account.editTasks")}
        />
        <AccountProjectsCard accountId={account.id} />
        <AccountDocumentsCard
          accountId={account.id}
          canCreate={permissions.includes("account.editDocs") || permissions.includes("account.fillHandoff")}
        />
        <StageHistoryCard accountId={account.id} />
      </div>
    </div>
  );
}
