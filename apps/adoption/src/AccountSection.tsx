import type { AccountSectionProps } from "@keel/federation";
import { AdoptionSection } from "./features/account-section/AdoptionSection.tsx";

/** The exposed account-page section ("./AccountSection"): the shell draws the card around it. */
export default function AccountSection(props: AccountSectionProps) {
  return <AdoptionSection {...props} />;
}
