import { SectionFacts } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import { contactRoleCoverage, contactRoleLabels } from "@keel/domain";
import type { AccountSectionProps } from "@keel/federation";
import { ErrorState, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

/** The contacts team's section on the account page: role coverage (C-4) of the account's contacts. */
export function ContactsSection({ accountId }: AccountSectionProps) {
  const contacts = useQuery(accountQueries.contacts(accountId));
  if (contacts.isPending) return <Skeleton lines={2} label="Loading role coverage…" />;
  if (contacts.isError) {
    return (
      <ErrorState
        compact
        title="Could not load role coverage"
        message={contacts.error.message}
        onRetry={() => void contacts.refetch()}
      />
    );
  }
  const coverage = contactRoleCoverage(contacts.data.items);
  return (
    <SectionFacts
      facts={[
        {
          label: "Tagged with a role",
          value:
            coverage.contacts === 0
              ? "No contacts yet"
              : `${coverage.tagged} of ${coverage.contacts} ${coverage.contacts === 1 ? "contact" : "contacts"}`,
        },
        {
          label: "Key roles missing",
          value:
            coverage.missingKeyRoles.length === 0
              ? "None: champion, economic buyer and instance admin are known"
              : coverage.missingKeyRoles.map((role) => contactRoleLabels[role]).join(", "),
        },
      ]}
    >
      {/* The section only renders in the shell, so shell paths are the app's paths. */}
      <Link to="/contacts">Tagging backlog</Link>
      <Link to="/contacts/missing-email">Contacts without an email</Link>
    </SectionFacts>
  );
}
