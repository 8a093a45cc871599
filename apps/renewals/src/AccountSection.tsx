import type { AccountSectionProps } from "@keel/federation";
import { RenewalSection } from "./features/account-section/RenewalSection.tsx";

/** The exposed account-page section ("./AccountSection"): the shell draws the card around it. */
export default function AccountSection(props: AccountSectionProps) {
  return <RenewalSection {...props} />;
}
