import "./features/renewals/renewals.css";
import { PageNotFound } from "@keel/app-kit";
import { renewalWindowFromSlug } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { Navigate, Route, Routes, useParams } from "react-router";
import { AccuracyPage } from "./features/accuracy/AccuracyPage.tsx";
import { ForecastPage } from "./features/forecast/ForecastPage.tsx";
import { RenewalDetailPage } from "./features/renewal-detail/RenewalDetailPage.tsx";
import { PipelinePage } from "./features/renewals/PipelinePage.tsx";
import { RetroDetailPage } from "./features/retros/RetroDetailPage.tsx";
import { RetrosPage } from "./features/retros/RetrosPage.tsx";
import { ReviewPage } from "./features/review/ReviewPage.tsx";

/** The look-ahead window pages became the pipeline's "Renewing within" filter: old links still work. */
function WindowRedirect() {
  const days = renewalWindowFromSlug(useParams().window);
  if (days === null) return <PageNotFound appName="Renewals" homeTo=".." />;
  return <Navigate to={{ pathname: "..", search: `?within=${days}` }} replace />;
}

/**
 * The exposed route component ("./App"): the app's own nested routes, under whatever router is
 * above it (the shell's at /renewals/*, or main.tsx's with the basename /apps/renewals). It
 * renders inside whatever QueryClientProvider is above it and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<PipelinePage {...props} />} />
      <Route path="review" element={<ReviewPage {...props} />} />
      <Route path="forecast" element={<ForecastPage {...props} />} />
      <Route path="accuracy" element={<AccuracyPage {...props} />} />
      <Route path="retros" element={<RetrosPage {...props} />} />
      <Route path="retros/:retroId" element={<RetroDetailPage {...props} />} />
      <Route path="by-window/:window" element={<WindowRedirect />} />
      <Route path=":renewalId" element={<RenewalDetailPage {...props} />} />
      <Route path="*" element={<PageNotFound appName="Renewals" homeTo="." />} />
    </Routes>
  );
}
