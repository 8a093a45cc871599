import type { RenewalSummary } from "@keel/client";
import { type RenewalPhase, renewalPhaseLabels } from "@keel/domain";
import { DateText, Money } from "@keel/ui";
import { Link } from "react-router";
import { daysLeftText } from "./renewal-text.ts";

export type PhaseTotal = { phase: RenewalPhase; count: number; arrAtStakeCents: number };

/**
 * R-1 as a board: a column per phase (with the phase's count and ARR over every page), holding
 * the cards of the renewals on this page, in their order.
 */
export function PipelineBoard({
  renewals,
  phases,
  currency,
}: {
  renewals: readonly RenewalSummary[];
  phases: readonly PhaseTotal[];
  currency: string;
}) {
  return (
    <section aria-label="Pipeline board" className="renewals-board">
      {phases.map(({ phase, count, arrAtStakeCents }) => {
        const cards = renewals.filter((renewal) => renewal.phase === phase);
        return (
          <section key={phase} aria-label={renewalPhaseLabels[phase]} className="renewals-board__column">
            <h2 className="renewals-board__heading">
              {renewalPhaseLabels[phase]} <span className="renewals-muted">· {count}</span>
            </h2>
            <p className="renewals-muted">
              <Money cents={arrAtStakeCents} currency={currency} /> at stake
            </p>
            {cards.length === 0 ? (
              <p className="renewals-muted">None on this page</p>
            ) : (
              <ul className="renewals-board__cards">
                {cards.map((renewal) => (
                  <li key={renewal.id} className="renewals-board__card">
                    <Link to={renewal.id}>{renewal.accountName}</Link>
                    <span>
                      Due <DateText value={renewal.dueDate} /> ·{" "}
                      {daysLeftText(renewal.daysLeft, renewal.overdue)}
                    </span>
                    <Money cents={renewal.arrAtStakeCents} currency={renewal.currency} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
