import type { AccountSectionProps } from "@keel/federation";
import { LighthouseSection } from "./features/account-section/LighthouseSection.tsx";

/** The exposed account-page section ("./AccountSection"): the shell draws the card around it. */
export default function AccountSection(props: AccountSectionProps) {
  return <LighthouseSection {...props} />;
}
