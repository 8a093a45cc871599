import { MineOnlyToggle, useRoleTagging, useTableUrlState, useUrlFlag } from "@keel/app-kit";
import { type ContactListFilters, contactQueries } from "@keel/client";
import { type ContactListItem, contactRoleLabels } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { Button, DataTable, type DataTableColumn } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ContactsTabs } from "./ContactsTabs.tsx";

export const taggingBacklogFilters = (mineOnly: boolean): ContactListFilters => ({
  missingRoles: true,
  ta: mineOnly ? "mine" : undefined,
  pageSize: 500,
});

/** C-4 tagging backlog: contacts with no role yet, by account, tagged in place (C-1). */
export function ContactTaggingPage({ accountHref }: RemoteAppProps) {
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "account", direction: "asc" });
  const backlog = useQuery({
    ...contactQueries.list(taggingBacklogFilters(mineOnly)),
    placeholderData: keepPreviousData,
  });
  const tagging = useRoleTagging<ContactListItem>({
    reload: () => backlog.refetch(),
    savedNotice: (saved, contact) =>
      saved.roles.length === 0
        ? `Saved ${saved.name} with no role.`
        : `Tagged ${saved.name} (${contact.accountName}) as ${saved.roles.map((r) => contactRoleLabels[r]).join(", ")}.`,
  });
  const { notice } = tagging;

  const columns: DataTableColumn<ContactListItem>[] = [
    {
      id: "account",
      header: "Account",
      rowHeader: false,
      cell: (contact) => <Link to={accountHref(contact.accountId)}>{contact.accountName}</Link>,
      sortValue: (contact) => contact.accountName,
      filterValue: (contact) => contact.accountName,
    },
    {
      id: "name",
      header: "Contact",
      rowHeader: true,
      cell: (contact) => contact.name,
      sortValue: (contact) => contact.name,
      filterValue: (contact) => contact.name,
    },
    {
      id: "title",
      header: "Title",
      cell: (contact) => contact.title ?? <span className="contacts-muted">No title</span>,
      sortValue: (contact) => contact.title,
      filterValue: (contact) => contact.title,
    },
    {
      id: "email",
      header: "Email",
      cell: (contact) =>
        contact.email ? (
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        ) : (
          <span className="contacts-muted">No email</span>
        ),
      sortValue: (contact) => contact.email,
      filterValue: (contact) => contact.email,
    },
    {
      id: "roles",
      header: "Roles",
      cell: (contact) =>
        tagging.isEditing(contact) ? (
          tagging.editor(contact)
        ) : (
          <Button size="sm" onClick={() => tagging.start(contact)}>
            Tag roles
          </Button>
        ),
    },
  ];

  return (
    <div className="contacts">
      <header className="contacts-header">
        <h1>Contact tagging</h1>
        <p className="contacts-lead">
          Contacts with no role tagged yet, by account. Tag each with the roles they play: Champion, Economic
          Buyer, Instance Admin and the rest.
        </p>
      </header>
      <ContactsTabs from="index" />

      {backlog.data && backlog.data.total > backlog.data.items.length && (
        <p className="contacts-note">
          Showing the first {backlog.data.items.length.toLocaleString("en-US")} of{" "}
          {backlog.data.total.toLocaleString("en-US")} untagged contacts.
        </p>
      )}
      {/* Always rendered, so screen readers hear the notice when it appears. */}
      <p role="status" className={notice ? "contacts-note contacts-note--success" : "keel-visually-hidden"}>
        {notice}
      </p>

      <DataTable
        caption="Contacts missing roles"
        rowNoun={{ one: "contact", other: "contacts" }}
        columns={columns}
        rows={backlog.data?.items ?? []}
        getRowId={(contact) => contact.id}
        {...table}
        filterPlaceholder="Filter by account, contact, title or email"
        loading={backlog.isPending}
        error={backlog.error}
        errorTitle="Could not load the tagging backlog"
        onRetry={() => void backlog.refetch()}
        emptyMessage={
          mineOnly ? "Every contact on your accounts has a role" : "Every contact has at least one role"
        }
        toolbar={<MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />}
      />
    </div>
  );
}
