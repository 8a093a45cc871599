/** The sign-in page, remembering where to go back to. */
export function signInPath(returnTo: string): string {
  return returnTo === "/" || returnTo === "" ? "/signin" : `/signin?next=${encodeURIComponent(returnTo)}`;
}

/**
 * Where to go after signing in: the `next` parameter when it is a path of this site, else
 * home. A full URL or "//host" is refused so the sign-in page cannot send people elsewhere.
 */
export function returnPathFrom(search: string): string {
  const next = new URLSearchParams(search).get("next");
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/signin")) return "/";
  return next;
}
