import type { ReactNode } from "react";
import "./section-facts.css";

export interface SectionFact {
  label: string;
  value: ReactNode;
}

/**
 * The body of a team's section on the account page: a few labelled facts and the links into the
 * team's app. The shell draws the card around it (title, anchor, error boundary).
 */
export function SectionFacts({ facts, children }: { facts: readonly SectionFact[]; children?: ReactNode }) {
  return (
    <div className="keel-section-facts">
      <dl>
        {facts.map((fact) => (
          <div key={fact.label} className="keel-section-facts__fact">
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {children !== undefined && <p className="keel-section-facts__links">{children}</p>}
    </div>
  );
}
