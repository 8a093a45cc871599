import { todayIso } from "@keel/app-kit";
import { type Account, daysBetween, lifecycleStageLabels, segmentLabels } from "@keel/domain";
import { Card, DateText, Money } from "@keel/ui";
import type { ReactNode } from "react";
import { deploymentLabels, relativeDays, supportLevelLabels, yesNo } from "./account-labels.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const notSet = <span className="shell-muted">Not set</span>;

/** The A-1 fields of an account. */
export function AccountFacts({ account }: { account: Account }) {
  const renewalIn = account.renewalDate ? daysBetween(todayIso(), account.renewalDate) : null;
  return (
    <Card title="Account facts">
      <dl className="facts">
        <Fact label="Domain">{account.domain}</Fact>
        <Fact label="ARR">
          <Money cents={account.arrCents} currency={account.currency} />
        </Fact>
        <Fact label="Seats purchased">{account.seatsPurchased.toLocaleString("en-US")}</Fact>
        <Fact label="Segment">{segmentLabels[account.segment]}</Fact>
        <Fact label="Lifecycle stage">{lifecycleStageLabels[account.lifecycleStage]}</Fact>
        <Fact label="Support level">{supportLevelLabels[account.supportLevel]}</Fact>
        <Fact label="Pooled">{yesNo(account.pooled)}</Fact>
        <Fact label="Scaled">{yesNo(account.scaled)}</Fact>
        <Fact label="Contract start">
          <DateText value={account.contractStart} fallback="Not set" />
        </Fact>
        <Fact label="Close date">
          <DateText value={account.closeDate} fallback="Not set" />
        </Fact>
        <Fact label="Renewal date">
          <DateText value={account.renewalDate} fallback="Not set" />
          {renewalIn !== null && <span className="facts__aside"> ({relativeDays(renewalIn)})</span>}
        </Fact>
        <Fact label="Deployment">{deploymentLabels[account.deployment]}</Fact>
        <Fact label="Instance version">{account.instanceVersion ?? notSet}</Fact>
        <Fact label="CRM id">{account.crmId ? <code>{account.crmId}</code> : notSet}</Fact>
        <Fact label="Instance id">{account.instanceId ? <code>{account.instanceId}</code> : notSet}</Fact>
        <Fact label="Red account">
          {account.redAccount ? <span className="keel-badge shell-red-flag">Yes, flagged red</span> : "No"}
        </Fact>
      </dl>
    </Card>
  );
}
