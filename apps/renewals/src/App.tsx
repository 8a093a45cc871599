import "./features/renewals/renewals.css";
import type { RemoteAppProps } from "@keel/federation";
import { RenewalsPage } from "./features/renewals/RenewalsPage.tsx";

/**
 * The exposed route component ("./App"). It renders inside whatever QueryClientProvider is
 * above it (the shell's, or main.tsx's standalone one) and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return <RenewalsPage {...props} />;
}
