import { type ComponentPropsWithRef, type ReactNode, useId } from "react";
import { cx } from "../../internal/cx.ts";

export interface CardProps extends Omit<ComponentPropsWithRef<"section">, "title"> {
  /** Heading text; also names the card's region for screen readers. */
  title?: ReactNode;
  /** Buttons or links shown at the right of the header. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level, so a card fits the page outline it is placed in. */
  headingLevel?: 2 | 3 | 4;
  /** No body padding: for a table or list that brings its own. */
  flush?: boolean;
}

export function Card({
  title,
  actions,
  footer,
  headingLevel = 2,
  flush = false,
  className,
  children,
  ...sectionProps
}: CardProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <section
      aria-labelledby={title === undefined ? undefined : titleId}
      {...sectionProps}
      className={cx("keel-card", flush && "keel-card--flush", className)}
    >
      {hasHeader && (
        <header className="keel-card__header">
          {title !== undefined && (
            <Heading id={titleId} className="keel-card__title">
              {title}
            </Heading>
          )}
          {actions !== undefined && <div className="keel-card__actions">{actions}</div>}
        </header>
      )}
      <div className="keel-card__body">{children}</div>
      {footer !== undefined && <footer className="keel-card__footer">{footer}</footer>}
    </section>
  );
}
