import { useRoleTagging } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import {
  type Contact,
  type ContactRole,
  contactRoleLabels,
  contactRoleSchema,
  instanceAdminAgrees,
} from "@keel/domain";
import { Button, Card, DataTable, type DataTableColumn } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";

const roleOrder = contactRoleSchema.options;

function RoleTags({ roles }: { roles: readonly ContactRole[] }) {
  if (roles.length === 0) return <span className="shell-warning-text">No role tagged</span>;
  return (
    <ul className="role-tags">
      {[...roles]
        .sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b))
        .map((role) => (
          <li key={role} className="role-tag">
            {contactRoleLabels[role]}
          </li>
        ))}
    </ul>
  );
}

/** C-2: "instance admin" and the Instance Admin role must agree; flag them when they do not. */
function InstanceAdminCell({ contact }: { contact: Contact }) {
  const agrees = instanceAdminAgrees(contact);
  return (
    <span className="instance-admin">
      {contact.instanceAdmin ? "Yes" : "No"}
      {!agrees && (
        <span
          className="keel-badge mismatch-badge"
          title={
            contact.instanceAdmin
              ? "Instance admin is Yes, but the Instance Admin role is not tagged (C-2)"
              : "The Instance Admin role is tagged, but instance admin is No (C-2)"
          }
        >
          <span aria-hidden="true">⚠</span> Mismatch
          <span className="keel-visually-hidden">
            {contact.instanceAdmin
              ? ": the Instance Admin role is not tagged"
              : ": tagged Instance Admin but instance admin is No"}
          </span>
        </span>
      )}
    </span>
  );
}

export function ContactsCard({ accountId, canTag }: { accountId: string; canTag: boolean }) {
  const contacts = useQuery(accountQueries.contacts(accountId));
  const tagging = useRoleTagging<Contact>({
    reload: () => contacts.refetch(),
    savedNotice: (saved) => `Saved the roles of ${saved.name}.`,
  });
  const { notice } = tagging;

  const columns: DataTableColumn<Contact>[] = [
    {
      id: "name",
      header: "Name",
      cell: (contact) => contact.name,
      sortValue: (contact) => contact.name,
      filterValue: (contact) => contact.name,
    },
    {
      id: "title",
      header: "Title",
      cell: (contact) => contact.title ?? <span className="shell-muted">No title</span>,
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
          <span className="shell-warning-text">No email</span>
        ),
      sortValue: (contact) => contact.email,
      filterValue: (contact) => contact.email,
    },
    {
      id: "roles",
      header: "Roles",
      cell: (contact) =>
        tagging.isEditing(contact) ? tagging.editor(contact) : <RoleTags roles={contact.roles} />,
      sortValue: (contact) => contact.roles.length,
      filterValue: (contact) => contact.roles.map((role) => contactRoleLabels[role]).join(" "),
    },
    {
      id: "instanceAdmin",
      header: "Instance admin",
      cell: (contact) => <InstanceAdminCell contact={contact} />,
      sortValue: (contact) => (instanceAdminAgrees(contact) ? 1 : 0),
    },
  ];
  if (canTag) {
    columns.push({
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (contact) =>
        tagging.isEditing(contact) ? null : (
          <Button size="sm" onClick={() => tagging.start(contact)}>
            Edit roles
          </Button>
        ),
    });
  }

  return (
    <Card title="Contacts" id="contacts" flush>
      <div className="contacts-card">
        {/* Always rendered, so screen readers hear the notice when it appears. */}
        <p role="status" className={notice ? "shell-note shell-note--success" : "keel-visually-hidden"}>
          {notice}
        </p>
        <DataTable
          caption="Contacts"
          rowNoun={{ one: "contact", other: "contacts" }}
          columns={columns}
          rows={contacts.data?.items ?? []}
          getRowId={(contact) => contact.id}
          defaultSort={{ columnId: "name", direction: "asc" }}
          filterPlaceholder="Filter by name, title, email or role"
          loading={contacts.isPending}
          error={contacts.error}
          onRetry={() => void contacts.refetch()}
          emptyMessage="No contacts on this account yet"
          density="compact"
        />
      </div>
    </Card>
  );
}
