import "./features/contacts/contacts.css";
import type { RemoteAppProps } from "@keel/federation";
import { ContactTaggingPage } from "./features/contacts/ContactTaggingPage.tsx";

/**
 * The exposed route component ("./App"). It renders inside whatever QueryClientProvider is
 * above it (the shell's, or main.tsx's standalone one) and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return <ContactTaggingPage {...props} />;
}
