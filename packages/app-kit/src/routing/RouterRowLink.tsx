import type { RowLinkProps } from "@keel/ui";
import { Link } from "react-router";

/**
 * A DataTable row link through React Router: a plain click navigates within the app, a modified
 * or middle click opens a new tab (the browser's own behaviour on a real `<a href>`). An absolute
 * URL outside the router's basename (a standalone app linking into the shell) loads that page.
 */
export function RouterRowLink({ href, className, onClick, children }: RowLinkProps) {
  return (
    <Link to={href} className={className} onClick={onClick}>
      {children}
    </Link>
  );
}
