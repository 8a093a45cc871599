import "./features/contacts/contacts.css";
import { PageNotFound } from "@keel/app-kit";
import type { RemoteAppProps } from "@keel/federation";
import { Route, Routes } from "react-router";
import { ContactTaggingPage } from "./features/contacts/ContactTaggingPage.tsx";
import { MissingEmailPage } from "./features/contacts/MissingEmailPage.tsx";

/**
 * The exposed route component ("./App"): the app's own nested routes, under whatever router is
 * above it (the shell's at /contacts/*, or main.tsx's with the basename /apps/contacts). It
 * renders inside whatever QueryClientProvider is above it and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<ContactTaggingPage {...props} />} />
      <Route path="missing-email" element={<MissingEmailPage {...props} />} />
      <Route path="*" element={<PageNotFound appName="Contacts" homeTo="." />} />
    </Routes>
  );
}
