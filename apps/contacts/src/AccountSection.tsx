import type { AccountSectionProps } from "@keel/federation";
import { ContactsSection } from "./features/account-section/ContactsSection.tsx";

/** The exposed account-page section ("./AccountSection"): the shell draws the card around it. */
export default function AccountSection(props: AccountSectionProps) {
  return <ContactsSection {...props} />;
}
