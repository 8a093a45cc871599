import { MineOnlyToggle, useTableUrlState, useUrlFlag } from "@keel/app-kit";
import { type ContactListFilters, contactQueries } from "@keel/client";
import { type ContactListItem, contactRoleLabels, contactsMissingEmail } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable, type DataTableColumn } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";
import { ContactsTabs } from "./ContactsTabs.tsx";

/**
 * Every contact in one page (the API's maximum). The contact list has no "no email" filter, so
 * the C-4 rule picks them out here; when there are more contacts than one page holds the screen
 * says so instead of silently missing some.
 */
export const contactBookFilters = (mineOnly: boolean): ContactListFilters => ({
  ta: mineOnly ? "mine" : undefined,
  pageSize: 500,
});

/** C-4 "contacts with no email": who cannot be reached for a renewal or a cadence touch (M-6). */
export function MissingEmailPage({ accountHref }: RemoteAppProps) {
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "account", direction: "asc" });
  const contacts = useQuery({
    ...contactQueries.list(contactBookFilters(mineOnly)),
    placeholderData: keepPreviousData,
  });
  const missing = useMemo(() => contactsMissingEmail(contacts.data?.items ?? []), [contacts.data]);
  const truncated = contacts.data !== undefined && contacts.data.total > contacts.data.items.length;

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
      id: "roles",
      header: "Roles",
      cell: (contact) =>
        contact.roles.length === 0 ? (
          <span className="contacts-muted">No role</span>
        ) : (
          contact.roles.map((role) => contactRoleLabels[role]).join(", ")
        ),
      filterValue: (contact) => contact.roles.map((role) => contactRoleLabels[role]).join(" "),
    },
  ];

  return (
    <div className="contacts">
      <header className="contacts-header">
        <h1>Contacts without an email</h1>
        <p className="contacts-lead">
          People on your accounts nobody can write to. Add their email on the account page.
        </p>
      </header>
      <ContactsTabs from="page" />

      {truncated && (
        <p className="contacts-note" role="status">
          Only the first {contacts.data.items.length.toLocaleString("en-US")} of{" "}
          {contacts.data.total.toLocaleString("en-US")} contacts were checked for an email.
        </p>
      )}

      <DataTable
        caption="Contacts missing an email"
        rowNoun={{ one: "contact", other: "contacts" }}
        columns={columns}
        rows={missing}
        getRowId={(contact) => contact.id}
        {...table}
        filterPlaceholder="Filter by account, contact, title or role"
        loading={contacts.isPending}
        error={contacts.error}
        errorTitle="Could not load the contacts"
        onRetry={() => void contacts.refetch()}
        emptyMessage={mineOnly ? "Every contact on your accounts has an email" : "Every contact has an email"}
        toolbar={<MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />}
      />
    </div>
  );
}
