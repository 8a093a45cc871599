import { Button } from "@keel/ui";

/** Previous / next through a server-paged list; the page is in the URL (`?page=`). */
export function Pager({
  page,
  pageSize,
  total,
  onPageChange,
  noun,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  noun: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="renewals-pager" aria-label="Pages">
      <Button size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        Previous page
      </Button>
      <span aria-live="polite">
        {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")}{" "}
        {noun} · page {page} of {pages}
      </span>
      <Button size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}
