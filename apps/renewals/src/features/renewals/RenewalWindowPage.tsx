import { MineOnlyToggle, PageNotFound, RouterRowLink, useTableUrlState, useUrlFlag } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import { renewalWindowFromSlug } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable, Money } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useParams } from "react-router";
import { RenewalsTabs } from "./RenewalsTabs.tsx";
import { renewalColumns } from "./renewal-columns.tsx";

/**
 * The accounts renewing within one look-ahead window (`by-window/next-90`): the list a manager
 * shares ("who renews in the next 90 days") with the ARR at stake. The window is in the path.
 */
export function RenewalWindowPage({ accountHref }: RemoteAppProps) {
  const { window: slug } = useParams();
  const windowDays = renewalWindowFromSlug(slug);
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "renewalDate", direction: "asc" });
  const renewals = useQuery({
    ...accountQueries.list({
      ta: mineOnly ? "mine" : undefined,
      renewalWithinDays: windowDays ?? 0,
      sort: "renewalDate",
      order: "asc",
      pageSize: 500,
    }),
    enabled: windowDays !== null,
    placeholderData: keepPreviousData,
  });
  const accounts = useMemo(() => renewals.data?.items ?? [], [renewals.data]);
  const arrAtStake = useMemo(() => accounts.reduce((sum, account) => sum + account.arrCents, 0), [accounts]);
  // The book is in one currency today; the total says so rather than mixing them.
  const currency = accounts[0]?.currency ?? "USD";

  if (windowDays === null) return <PageNotFound appName="Renewals" homeTo=".." />;

  return (
    <div className="renewals">
      <header className="renewals-header">
        <h1>Renewing in the next {windowDays} days</h1>
        <p className="renewals-lead">
          {renewals.isSuccess ? (
            <>
              {accounts.length.toLocaleString("en-US")} {accounts.length === 1 ? "account" : "accounts"},{" "}
              <Money cents={arrAtStake} currency={currency} /> ARR up for renewal.
            </>
          ) : (
            "Accounts whose renewal date falls in this window, soonest first."
          )}
        </p>
      </header>
      <RenewalsTabs from="window" />

      <DataTable
        caption={`Renewals in the next ${windowDays} days`}
        rowNoun={{ one: "renewal", other: "renewals" }}
        columns={renewalColumns}
        rows={accounts}
        getRowId={(account) => account.id}
        {...table}
        filterPlaceholder="Filter by account, segment or TA"
        rowHref={(account) => accountHref(account.id)}
        linkComponent={RouterRowLink}
        loading={renewals.isPending}
        error={renewals.error}
        errorTitle="Could not load the renewals"
        onRetry={() => void renewals.refetch()}
        emptyMessage={
          mineOnly
            ? `None of your accounts renew in the next ${windowDays} days`
            : `No account renews in the next ${windowDays} days`
        }
        toolbar={<MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />}
      />
    </div>
  );
}
