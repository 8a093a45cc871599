import type { ReactNode } from "react";
import { cx } from "../../internal/cx.ts";

export interface BreadcrumbItem {
  label: ReactNode;
  /** Where the crumb leads; the last crumb (the page's parent) usually has one, the page itself none. */
  href?: string;
}

export interface PageHeaderProps {
  /** The page's one `h1`. */
  title: ReactNode;
  /** A sentence under the title: what the page is for, or the facts it is about. */
  description?: ReactNode;
  /** Buttons and links for the whole page, at the end of the title row. */
  actions?: ReactNode;
  /** The pages above this one, outermost first. */
  breadcrumb?: readonly BreadcrumbItem[];
  /**
   * Renders a crumb's link: pass the router's `Link` so a crumb navigates in place. A plain
   * `<a href>` otherwise.
   */
  renderLink?: (item: BreadcrumbItem & { href: string }, className: string) => ReactNode;
  className?: string;
}

/** The top of a page: breadcrumb, title, description and the page's actions, the same everywhere. */
export function PageHeader({
  title,
  description,
  actions,
  breadcrumb,
  renderLink,
  className,
}: PageHeaderProps) {
  return (
    <header className={cx("keel-page-header", className)}>
      {breadcrumb && breadcrumb.length > 0 && (
        <nav aria-label="Breadcrumb" className="keel-page-header__breadcrumb">
          <ol>
            {breadcrumb.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a crumb's place is its identity; labels may be elements.
              <li key={index}>
                {item.href === undefined ? (
                  <span aria-current={index === breadcrumb.length - 1 ? "page" : undefined}>
                    {item.label}
                  </span>
                ) : renderLink ? (
                  renderLink({ ...item, href: item.href }, "keel-page-header__crumb")
                ) : (
                  <a className="keel-page-header__crumb" href={item.href}>
                    {item.label}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="keel-page-header__row">
        <div className="keel-page-header__text">
          <h1 className="keel-page-header__title">{title}</h1>
          {description !== undefined && <p className="keel-page-header__description">{description}</p>}
        </div>
        {actions !== undefined && <div className="keel-page-header__actions">{actions}</div>}
      </div>
    </header>
  );
}
