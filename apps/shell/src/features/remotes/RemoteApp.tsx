import type { AccountSectionProps, RemoteAppProps } from "@keel/federation";
import { ErrorState, Skeleton } from "@keel/ui";
import {
  Component,
  type ComponentType,
  type ErrorInfo,
  lazy,
  type ReactNode,
  Suspense,
  useMemo,
  useState,
} from "react";
import type { AccountSectionComponent, RemoteAppComponent } from "./load-remote-app.ts";

interface BoundaryProps {
  /** "The Renewals app", "The Renewals section": what failed, in the error's title. */
  subject: string;
  /** A section is a part of a page: its error is compact and says the page still works. */
  compact: boolean;
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
    console.error(`${this.props.subject} failed:`, error.message, error.cause ?? "", info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { subject, compact, onRetry } = this.props;
    const errorState = (
      <ErrorState
        compact={compact}
        title={`${subject} could not be loaded`}
        message={
          <>
            {compact
              ? "The rest of this page still works."
              : "The rest of Keel still works. Try again, or come back in a minute."}
            <span className="remote-error__detail">{error.message}</span>
          </>
        }
        onRetry={onRetry}
      />
    );
    return compact ? errorState : <div className="shell-panel">{errorState}</div>;
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

interface RemoteMountProps<Props> {
  subject: string;
  compact: boolean;
  fallback: ReactNode;
  /** Loads the remote's component; `attempt` counts retries (0 first). */
  load: (attempt: number) => Promise<ComponentType<Props>>;
  props: Props;
}

/** Mounts a federated module: `fallback` while it loads, an error with "Retry" if it fails. */
function RemoteMount<Props extends object>({
  subject,
  compact,
  fallback,
  load,
  props,
}: RemoteMountProps<Props>) {
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt: React.lazy remembers a rejected load forever.
  const Lazy = useMemo<ComponentType<Props>>(
    () => lazy(async () => ({ default: await load(attempt) })),
    [load, attempt],
  );
  return (
    // Keyed by attempt, so "Retry" also clears an error the remote threw while rendering.
    <RemoteErrorBoundary
      key={attempt}
      subject={subject}
      compact={compact}
      onRetry={() => setAttempt((n) => n + 1)}
    >
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    </RemoteErrorBoundary>
  );
}

export interface RemoteAppMountProps {
  appLabel: string;
  load: (attempt: number) => Promise<RemoteAppComponent>;
  appProps: RemoteAppProps;
}

/** A team app's pages: a skeleton while it loads, an error with "Retry" if it fails. */
export function RemoteApp({ appLabel, load, appProps }: RemoteAppMountProps) {
  return (
    <RemoteMount
      subject={`The ${appLabel} app`}
      compact={false}
      fallback={<RemoteLoading appLabel={appLabel} />}
      load={load}
      props={appProps}
    />
  );
}

export interface RemoteSectionMountProps {
  appLabel: string;
  load: (attempt: number) => Promise<AccountSectionComponent>;
  sectionProps: AccountSectionProps;
}

/** A team's section of the account page: it fails on its own, with its own "Retry". */
export function RemoteSection({ appLabel, load, sectionProps }: RemoteSectionMountProps) {
  return (
    <RemoteMount
      subject={`The ${appLabel} section`}
      compact
      fallback={<Skeleton lines={2} label={`Loading the ${appLabel} section…`} />}
      load={load}
      props={sectionProps}
    />
  );
}
