import "./features/adoption/adoption.css";
import { PageNotFound } from "@keel/app-kit";
import type { RemoteAppProps } from "@keel/federation";
import { Route, Routes } from "react-router";
import { AdoptionPage } from "./features/adoption/AdoptionPage.tsx";

/**
 * The exposed route component ("./App"): the app's own nested routes, under whatever router is
 * above it (the shell's at /adoption/*, or main.tsx's with the basename /apps/adoption). It
 * renders inside whatever QueryClientProvider is above it and never creates its own.
 */
export default function App(props: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<AdoptionPage {...props} />} />
      <Route path="stages/:stage" element={<AdoptionPage {...props} />} />
      <Route path="*" element={<PageNotFound appName="Adoption" homeTo="." />} />
    </Routes>
  );
}
