import { todayIso } from "@keel/app-kit";
import { projectQueries } from "@keel/client";
import { Card, ProgressBar, SourceTag, TaskList } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useToggleTask } from "./use-toggle-task.ts";

/** M-1 projects (task groups from templates) with their progress. */
export function AccountProjectsCard({ accountId }: { accountId: string }) {
  const projects = useQuery(projectQueries.account(accountId));
  const { onToggle, pending } = useToggleTask(projects.data?.flatMap((p) => p.tasks));
  if (projects.isSuccess && projects.data.length === 0) return null;
  return (
    <Card title="Projects" id="projects">
      {projects.isError && (
        <p className="shell-error-text">Could not load the projects: {projects.error.message}</p>
      )}
      {projects.data?.map((project) => (
        <details key={project.id} className="project" open={project.progress.done < project.progress.total}>
          <summary>
            <span className="project__name">{project.name}</span>{" "}
            <ProgressBar
              done={project.progress.done}
              total={project.progress.total}
              label={`${project.name} progress`}
              showCount
            />{" "}
            <SourceTag origin={project.origin} showReason={false} />
          </summary>
          <TaskList
            label={`${project.name} tasks`}
            tasks={project.tasks}
            today={todayIso()}
            hideAccount
            onToggle={onToggle}
            pendingIds={pending}
          />
        </details>
      ))}
    </Card>
  );
}
