import "./features/lighthouse/lighthouse.css";
import { PageNotFound } from "@keel/app-kit";
import type { RemoteAppProps } from "@keel/federation";
import { Route, Routes } from "react-router";
import { AgendaPage } from "./features/agenda/AgendaPage.tsx";
import { EnrolmentPage } from "./features/enrolment/EnrolmentPage.tsx";
import { LighthouseAccountPage } from "./features/lighthouse/LighthouseAccountPage.tsx";
import { MetricsPage } from "./features/metrics/MetricsPage.tsx";
import { MasterListPage } from "./features/program/MasterListPage.tsx";

/**
 * The exposed route component ("./App"): the app's own nested routes, under whatever router is
 * above it (the shell's at /lighthouse/*, or main.tsx's with the basename /apps/lighthouse). It
 * renders inside whatever QueryClientProvider is above it and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<MasterListPage {...props} />} />
      <Route path="enrolments/:enrolmentId" element={<EnrolmentPage {...props} />} />
      <Route path="agenda" element={<AgendaPage {...props} />} />
      <Route path="metrics" element={<MetricsPage {...props} />} />
      <Route path="accounts/:accountId" element={<LighthouseAccountPage {...props} />} />
      <Route path="*" element={<PageNotFound appName="Lighthouse" homeTo="." />} />
    </Routes>
  );
}
