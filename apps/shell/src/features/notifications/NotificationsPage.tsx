import { useUrlFlag, useUrlParam } from "@keel/app-kit";
import { notificationMutations, notificationQueries } from "@keel/client";
import { AsyncContent, Button, PageHeader, relativeTime } from "@keel/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import "./notifications-page.css";

const PAGE_SIZE = 25;

/** `?page=` as a page number, 1 for anything else. */
function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Every notification the user has (SPEC §12), newest first, read and unread, a page at a time. */
export function NotificationsPage() {
  useDocumentTitle("Notifications");
  const queryClient = useQueryClient();
  const [unreadOnly] = useUrlFlag("unread");
  const [pageParam] = useUrlParam("page");
  const [searchParams] = useSearchParams();
  const page = pageFrom(pageParam);
  const list = useQuery({
    ...notificationQueries.list({ unread: unreadOnly || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const read = useMutation(notificationMutations.read(queryClient));
  const readAll = useMutation(notificationMutations.readAll(queryClient));

  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const unread = list.data?.unread ?? 0;

  /** This view with other search params: a real link, so it can be opened in a new tab or shared. */
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    const search = next.toString();
    return search ? `?${search}` : ".";
  };

  return (
    <div className="shell-page">
      <PageHeader
        title="Notifications"
        description={
          list.isSuccess ? `${unread.toLocaleString("en-US")} unread` : "What your playbooks told you."
        }
        actions={
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={unread === 0}>
            Mark all read
          </Button>
        }
      />

      <nav aria-label="Which notifications" className="notifications-filter">
        <Link to={hrefWith({ unread: null, page: null })} aria-current={unreadOnly ? undefined : "page"}>
          All
        </Link>
        <Link to={hrefWith({ unread: "1", page: null })} aria-current={unreadOnly ? "page" : undefined}>
          Unread
        </Link>
      </nav>

      <div className="shell-panel notifications-panel">
        <AsyncContent
          query={list}
          loadingLabel="Loading your notifications…"
          skeletonLines={6}
          errorTitle="Could not load your notifications"
          isEmpty={(data) => data.items.length === 0}
          emptyTitle={unreadOnly ? "Nothing unread" : "No notifications yet"}
          emptyMessage={
            unreadOnly
              ? "You have read every notification."
              : "Playbooks tell you here when something on your accounts needs you."
          }
          emptyAction={
            unreadOnly ? <Link to={hrefWith({ unread: null, page: null })}>Show all</Link> : undefined
          }
        >
          {(data) => (
            <ul className="notifications-list" aria-label="Notifications">
              {data.items.map((item) => (
                <li
                  key={item.id}
                  className="notifications-item"
                  data-unread={item.readAt === null || undefined}
                >
                  <span className="notifications-item__marker" aria-hidden="true" />
                  <div className="notifications-item__body">
                    <p className="notifications-item__message">
                      {item.readAt === null && <span className="keel-visually-hidden">Unread: </span>}
                      {item.message}
                    </p>
                    <p className="notifications-item__meta">
                      {item.accountId && (
                        <Link to={`/accounts/${item.accountId}`}>{item.accountName ?? "Account"}</Link>
                      )}
                      {item.reason && <span>{item.reason}</span>}
                      {item.ruleId && <span>Rule {item.ruleId}</span>}
                      <time
                        dateTime={item.createdAt}
                        title={new Date(item.createdAt).toLocaleString("en-US")}
                      >
                        {relativeTime(item.createdAt)}
                      </time>
                    </p>
                  </div>
                  {item.readAt === null && (
                    <Button
                      size="sm"
                      onClick={() => read.mutate(item.id)}
                      loading={read.isPending && read.variables === item.id}
                    >
                      Mark read
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </AsyncContent>
      </div>

      {pageCount > 1 && (
        <nav aria-label="Pages" className="notifications-pager">
          {page > 1 ? (
            <Link to={hrefWith({ page: page === 2 ? null : String(page - 1) })}>Newer</Link>
          ) : (
            <span aria-hidden="true" />
          )}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link to={hrefWith({ page: String(page + 1) })}>Older</Link>
          ) : (
            <span aria-hidden="true" />
          )}
        </nav>
      )}
    </div>
  );
}
