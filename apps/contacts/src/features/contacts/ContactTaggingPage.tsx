import { ContactRolesEditor, roleSaveFailure, useTableUrlState, useUrlFlag } from "@keel/app-kit";
import { type ContactListFilters, contactMutations, contactQueries, queryKeys } from "@keel/client";
import { type ContactListItem, type ContactRole, contactRoleLabels } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { Button, DataTable, type DataTableColumn } from "@keel/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { ContactsTabs } from "./ContactsTabs.tsx";

export const taggingBacklogFilters = (mineOnly: boolean): ContactListFilters => ({
  missingRoles: true,
  ta: mineOnly ? "mine" : undefined,
  pageSize: 500,
});

/** C-4 tagging backlog: contacts with no role yet, by account, tagged in place (C-1). */
export function ContactTaggingPage({ accountHref }: RemoteAppProps) {
  const queryClient = useQueryClient();
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "account", direction: "asc" });
  const mineOnlyId = useId();
  const backlog = useQuery({
    ...contactQueries.list(taggingBacklogFilters(mineOnly)),
    placeholderData: keepPreviousData,
  });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [editorMessage, setEditorMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saveRoles = useMutation({ mutationFn: contactMutations.update });

  const startTagging = (contact: ContactListItem) => {
    setEditingId(contact.id);
    setEditorMessage(null);
    setNotice(null);
  };
  const stopTagging = () => {
    setEditingId(null);
    setEditorMessage(null);
  };

  const save = (contact: ContactListItem, roles: ContactRole[]) => {
    setEditorMessage(null);
    saveRoles.mutate(
      { id: contact.id, version: contact.version, patch: { roles } },
      {
        onSuccess: async (saved) => {
          stopTagging();
          setNotice(
            saved.roles.length === 0
              ? `Saved ${saved.name} with no role.`
              : `Tagged ${saved.name} (${contact.accountName}) as ${saved.roles.map((r) => contactRoleLabels[r]).join(", ")}.`,
          );
          // By prefix: every contact list (this backlog included) and the account's contacts.
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: queryKeys.contacts.all }),
            queryClient.invalidateQueries({ queryKey: queryKeys.accounts.detail(contact.accountId) }),
          ]);
        },
        onError: async (error) => {
          const failure = roleSaveFailure(error);
          setEditorMessage(failure.message);
          if (failure.stale) await backlog.refetch();
        },
      },
    );
  };

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
        editingId === contact.id ? (
          <ContactRolesEditor
            // A reload after a conflict brings a new version: start again from its roles.
            key={contact.version}
            contactName={contact.name}
            initialRoles={contact.roles}
            saving={saveRoles.isPending}
            message={editorMessage}
            onSave={(roles) => save(contact, roles)}
            onCancel={stopTagging}
          />
        ) : (
          <Button size="sm" onClick={() => startTagging(contact)}>
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
        toolbar={
          <label className="contacts-toggle" htmlFor={mineOnlyId}>
            <input
              id={mineOnlyId}
              type="checkbox"
              checked={mineOnly}
              onChange={(event) => setMineOnly(event.target.checked)}
            />
            Mine only
          </label>
        }
      />
    </div>
  );
}
