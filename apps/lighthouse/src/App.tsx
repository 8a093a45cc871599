import "./features/lighthouse/lighthouse.css";
import { PageNotFound } from "@keel/app-kit";
import type { RemoteAppProps } from "@keel/federation";
import { Route, Routes } from "react-router";
import { LighthouseAccountPage } from "./features/lighthouse/LighthouseAccountPage.tsx";
import { LighthousePage } from "./features/lighthouse/LighthousePage.tsx";

/**
 * The exposed route component ("./App"): the app's own nested routes, under whatever router is
 * above it (the shell's at /lighthouse/*, or main.tsx's with the basename /apps/lighthouse). It
 * renders inside whatever QueryClientProvider is above it and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<LighthousePage {...props} />} />
      <Route path="accounts/:accountId" element={<LighthouseAccountPage {...props} />} />
      <Route path="*" element={<PageNotFound appName="Lighthouse" homeTo="." />} />
    </Routes>
  );
}
