import { useEffect } from "react";

/** Names the browser tab (and the page, for screen-reader users switching tabs). */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Keel` : "Keel";
  }, [title]);
}
