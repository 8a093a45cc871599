import { useId } from "react";
import { cx } from "../../internal/cx.ts";

/** Who or what created a record (a task, a project, a document): a playbook rule or a person. */
export type SourceOrigin =
  | {
      kind: "playbook";
      /** Null when the firing that made the record is gone (its account history was purged). */
      playbookId: string | null;
      playbookVersion: number | null;
      ruleId: string | null;
      reason: string | null;
    }
  | { kind: "person"; createdBy: { id: string; name: string } | null };

export interface SourceTagProps {
  origin: SourceOrigin;
  /** Show the reason in an expandable "Why?" (playbook origins). Default true. */
  showReason?: boolean;
  className?: string;
}

/** "Playbook · L-2" or "Added by Dana Scott", so nobody has to guess why a record exists. */
export function sourceLabel(origin: SourceOrigin): string {
  if (origin.kind === "playbook") return origin.ruleId ? `Playbook · ${origin.ruleId}` : "Playbook";
  return origin.createdBy ? `Added by ${origin.createdBy.name}` : "Added manually";
}

export function SourceTag({ origin, showReason = true, className }: SourceTagProps) {
  const reasonId = useId();
  const label = sourceLabel(origin);
  if (origin.kind === "person") {
    return (
      <span className={cx("keel-source", "keel-source--person", className)}>
        <span className="keel-source__tag">{label}</span>
      </span>
    );
  }
  const which = origin.playbookId ? `playbook ${origin.playbookId} v${origin.playbookVersion}` : "playbook";
  const tooltip = origin.reason ? `${origin.reason} (${which})` : which;
  return (
    <span className={cx("keel-source", "keel-source--playbook", className)}>
      <span className="keel-source__tag" title={tooltip}>
        {label}
      </span>
      {showReason && origin.reason && (
        <details className="keel-source__why">
          <summary>
            Why? <span className="keel-visually-hidden">({label})</span>
          </summary>
          <p id={reasonId} className="keel-source__reason">
            {origin.reason}
            {origin.playbookId && (
              <span className="keel-source__meta">
                {" "}
                Playbook {origin.playbookId}, version {origin.playbookVersion}.
              </span>
            )}
          </p>
        </details>
      )}
    </span>
  );
}
