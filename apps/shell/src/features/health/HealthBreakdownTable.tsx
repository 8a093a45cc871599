import type { HealthBreakdown } from "@keel/domain";
import { DateText } from "@keel/ui";
import { formatGrade, formatPercent, formatPoints, formatTraitValue } from "./health-format.ts";

export interface HealthBreakdownTableProps {
  breakdown: HealthBreakdown;
  score: number | null;
}

/**
 * H-4 / X-1: every trait's value, grade and points, grouped by category with its weight, and a
 * total row: the Points column adds up to the score.
 */
export function HealthBreakdownTable({ breakdown, score }: HealthBreakdownTableProps) {
  return (
    <div className="breakdown__scroll">
      <table className="breakdown">
        <caption className="keel-visually-hidden">Health score breakdown</caption>
        <thead>
          <tr>
            <th scope="col">Trait</th>
            <th scope="col">Value</th>
            <th scope="col">Grade</th>
            <th scope="col" className="breakdown__num">
              Points
            </th>
          </tr>
        </thead>
        {breakdown.categories.map((category) => {
          const traits = breakdown.traits.filter((trait) => trait.category === category.id);
          const hasData = category.score !== null;
          return (
            <tbody key={category.id} className="breakdown__category" data-category={category.id}>
              <tr className="breakdown__category-row">
                <th scope="rowgroup" colSpan={3}>
                  <span className="breakdown__category-label">{category.label}</span>
                  <span className="breakdown__weight">
                    weight {formatPercent(category.weight)}
                    {hasData ? (
                      <>
                        {" "}
                        · effective {formatPercent(category.effectiveWeight)} · category score{" "}
                        {formatPoints(category.score ?? 0)}
                      </>
                    ) : (
                      " · no data, left out and the other weights renormalised"
                    )}
                  </span>
                </th>
                <td className="breakdown__num breakdown__subtotal" data-subtotal={category.contribution}>
                  {formatPoints(category.contribution)}
                </td>
              </tr>
              {traits.map((trait) => (
                <tr
                  key={trait.id}
                  className="breakdown__trait"
                  data-trait={trait.id}
                  data-missing={trait.missing || undefined}
                >
                  <th scope="row" className="breakdown__trait-name">
                    {trait.label}
                    {trait.evidence && <span className="breakdown__evidence">{trait.evidence}</span>}
                  </th>
                  <td>
                    {trait.missing ? (
                      <span className="breakdown__missing">No data</span>
                    ) : (
                      formatTraitValue(trait)
                    )}
                    {trait.stale && (
                      <span className="breakdown__stale">
                        <span className="keel-badge breakdown__stale-badge">Stale</span>
                        {trait.setAt && (
                          <>
                            {" "}
                            set <DateText value={trait.setAt} />
                          </>
                        )}
                      </span>
                    )}
                  </td>
                  <td className="breakdown__grade">{trait.missing ? "—" : formatGrade(trait.grade)}</td>
                  <td className="breakdown__num breakdown__points" data-points={trait.contribution}>
                    {trait.missing ? "—" : formatPoints(trait.contribution)}
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
        <tfoot>
          <tr className="breakdown__total">
            <th scope="row" colSpan={3}>
              Total score
            </th>
            <td className="breakdown__num" data-total={score ?? ""}>
              {score === null ? "No data" : formatPoints(score)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
