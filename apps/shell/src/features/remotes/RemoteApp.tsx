import type { RemoteAppProps } from "@keel/federation";
import { ErrorState, Skeleton } from "@keel/ui";
import { Component, type ErrorInfo, lazy, type ReactNode, Suspense, useMemo, useState } from "react";
import type { RemoteAppComponent } from "./load-remote-app.ts";

interface BoundaryProps {
  appLabel: string;
  onRetry: () => void;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/**
 * Catches a remote that cannot be loaded (entry 404, network, a broken build) or that throws
 * while rendering, so the rest of the shell keeps working.
 */
export class RemoteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(
      `The ${this.props.appLabel} app failed:`,
      error.message,
      error.cause ?? "",
      info.componentStack,
    );
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="shell-panel">
        <ErrorState
          title={`The ${this.props.appLabel} app could not be loaded`}
          message={
            <>
              The rest of Keel still works. Try again, or come back in a minute.
              <span className="remote-error__detail">{error.message}</span>
            </>
          }
          onRetry={this.props.onRetry}
        />
      </div>
    );
  }
}

export function RemoteLoading({ appLabel }: { appLabel: string }) {
  return (
    <div className="remote-loading" aria-busy="true">
      <Skeleton lines={1} width="12rem" label={`Loading the ${appLabel} app…`} />
      <Skeleton variant="block" height="20rem" label={null} />
    </div>
  );
}

export interface RemoteMountProps {
  appLabel: string;
  /** Loads the remote's component; `attempt` counts retries (0 first). */
  load: (attempt: number) => Promise<RemoteAppComponent>;
  appProps: RemoteAppProps;
}

/** Mounts a federated remote: a skeleton while it loads, an error with "Retry" if it fails. */
export function RemoteApp({ appLabel, load, appProps }: RemoteMountProps) {
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt: React.lazy remembers a rejected load forever.
  const LazyApp = useMemo(() => lazy(async () => ({ default: await load(attempt) })), [load, attempt]);
  return (
    // Keyed by attempt, so "Retry" also clears an error the remote threw while rendering.
    <RemoteErrorBoundary key={attempt} appLabel={appLabel} onRetry={() => setAttempt((n) => n + 1)}>
      <Suspense fallback={<RemoteLoading appLabel={appLabel} />}>
        <LazyApp {...appProps} />
      </Suspense>
    </RemoteErrorBoundary>
  );
}
