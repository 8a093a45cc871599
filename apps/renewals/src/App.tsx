import "./features/renewals/renewals.css";
import { PageNotFound } from "@keel/app-kit";
import type { RemoteAppProps } from "@keel/federation";
import { Route, Routes } from "react-router";
import { RenewalsPage } from "./features/renewals/RenewalsPage.tsx";
import { RenewalWindowPage } from "./features/renewals/RenewalWindowPage.tsx";

/**
 * The exposed route component ("./App"): the app's own nested routes, under whatever router is
 * above it (the shell's at /renewals/*, or main.tsx's with the basename /apps/renewals). It
 * renders inside whatever QueryClientProvider is above it and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<RenewalsPage {...props} />} />
      <Route path="by-window/:window" element={<RenewalWindowPage {...props} />} />
      <Route path="*" element={<PageNotFound appName="Renewals" homeTo="." />} />
    </Routes>
  );
}
