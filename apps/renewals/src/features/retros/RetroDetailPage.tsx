import { todayIso } from "@keel/app-kit";
import { type ChurnRetro, churnRetroMutations, churnRetroQueries, usersQuery } from "@keel/client";
import { type ClosedLostCategory, closedLostCategoryLabels, RENEWAL_TEXT_MAX } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import {
  AsyncContent,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  DateText,
  Money,
  PageHeader,
  Select,
  type SelectOption,
  TextArea,
  TextInput,
} from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { describeWriteError, WriteErrorNotice } from "../renewal-detail/write-error.tsx";
import { closedLostText, retroStatuses, retroStatusLabels } from "./retro-labels.ts";

type RetroAction = ChurnRetro["actions"][number];
type Props = { retro: ChurnRetro; onNotice: (text: string) => void; onReload: () => void };

const statusOptions: SelectOption<(typeof retroStatuses)[number]>[] = retroStatuses.map((status) => ({
  value: status,
  label: retroStatusLabels[status],
}));
const categoryOptions: SelectOption<ClosedLostCategory>[] = (
  Object.entries(closedLostCategoryLabels) as [ClosedLostCategory, string][]
).map(([value, label]) => ({ value, label }));

/** one churn retro — what was lost and why, lessons learned, status and calls to action. */
export function RetroDetailPage({ accountHref }: RemoteAppProps) {
  const { retroId = "" } = useParams();
  const retro = useQuery(churnRetroQueries.detail(retroId));
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => {
    setNotice(null);
    void retro.refetch();
  };

  return (
    <div className="renewals">
      <AsyncContent
        query={retro}
        errorTitle="Could not load the churn retro"
        loadingLabel="Loading the churn retro…"
      >
        {(detail) => (
          <>
            <PageHeader
              breadcrumb={[{ label: "Churn retros", href: "../retros" }, { label: detail.accountName }]}
              renderLink={(item, className) => (
                <Link to={item.href} className={className}>
                  {item.label}
                </Link>
              )}
              title={`${detail.accountName} churn retro`}
              description={
                <>
                  <Money cents={detail.arrLostCents} currency="USD" /> ARR lost, seats {detail.seatsBefore} →{" "}
                  {detail.seatsAfter ?? "—"}. {retroStatusLabels[detail.status]}.
                </>
              }
            />
            <dl className="renewals-facts">
              <div>
                <dt>Account</dt>
                <dd>
                  <Link to={accountHref(detail.accountId)}>{detail.accountName}</Link>
                </dd>
              </div>
              <div>
                <dt>Renewal</dt>
                <dd>
                  <Link to={`../${detail.renewalId}`}>
                    Due <DateText value={detail.dueDate} />
                  </Link>
                </dd>
              </div>
              <div>
                <dt>Closed-lost category</dt>
                <dd>{closedLostText(detail.closedLostCategory)}</dd>
              </div>
              <div>
                <dt>TA / AE / sponsor</dt>
                <dd>
                  {detail.ta?.name ?? "No TA"} / {detail.ae?.name ?? "No AE"} /{" "}
                  {detail.sponsor?.name ?? "No sponsor"}
                </dd>
              </div>
            </dl>
            {detail.churnReason && <p className="renewals-summary">{detail.churnReason}</p>}
            {notice && (
              <p className="renewals-notice" role="status">
                {notice}
              </p>
            )}
            {detail.canEdit ? (
              <RetroForm key={detail.version} retro={detail} onNotice={setNotice} onReload={reload} />
            ) : (
              <Card title="Lessons learned">
                <p className="renewals-summary">{detail.lessonsLearned || "No lessons written down yet."}</p>
              </Card>
            )}
            <ActionsCard retro={detail} onNotice={setNotice} onReload={reload} />
          </>
        )}
      </AsyncContent>
    </div>
  );
}

/** what the retro agreed — cause, reason, sponsor, lessons — and where it stands. */
function RetroForm({ retro, onNotice, onReload }: Props) {
  const queryClient = useQueryClient();
  const people = useQuery(usersQuery());
  const [lessons, setLessons] = useState(retro.lessonsLearned);
  const [status, setStatus] = useState(retro.status);
  const [category, setCategory] = useState(retro.closedLostCategory ?? "");
  const [reason, setReason] = useState(retro.churnReason ?? "");
  const [sponsorId, setSponsorId] = useState(retro.sponsor?.id ?? "");
  const updateOptions = churnRetroMutations.update(queryClient);
  const save = useMutation({
    ...updateOptions,
    onSuccess: (...args) => {
      onNotice("Retro saved.");
      return updateOptions.onSuccess?.(...args);
    },
  });
  const failure = save.error ? describeWriteError(save.error, "this retro") : null;
  // The sponsor is a leader (the server takes a manager or an exec).
  const sponsorOptions: SelectOption[] = (people.data?.items ?? [])
    .filter((person) => person.roles.includes("manager") || person.roles.includes("exec"))
    .map((person) => ({ value: person.id, label: person.name }));

  const patch = {
    ...(lessons !== retro.lessonsLearned && { lessonsLearned: lessons }),
    ...(status !== retro.status && { status }),
    ...(category !== (retro.closedLostCategory ?? "") && {
      closedLostCategory: category === "" ? null : (category as ClosedLostCategory),
    }),
    ...(reason.trim() !== (retro.churnReason ?? "") && {
      churnReason: reason.trim() === "" ? null : reason.trim(),
    }),
    ...(sponsorId !== (retro.sponsor?.id ?? "") && { sponsorId: sponsorId === "" ? null : sponsorId }),
  };
  const dirty = Object.keys(patch).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty) save.mutate({ id: retro.id, version: retro.version, patch });
  };

  return (
    <Card title="The retro">
      <form className="renewals-form" aria-label="The retro" onSubmit={submit}>
        <div className="renewals-form__row">
          <Select
            label="Closed-lost category"
            options={categoryOptions}
            placeholder="Not agreed yet"
            value={category}
            onValueChange={setCategory}
            error={failure?.fields.closedLostCategory}
          />
          <Select
            label="Sponsor"
            options={sponsorOptions}
            placeholder="No sponsor"
            value={sponsorId}
            onValueChange={setSponsorId}
            error={failure?.fields.sponsorId}
          />
          <Select
            label="Status"
            options={statusOptions}
            value={status}
            onValueChange={(value) => value !== "" && setStatus(value)}
          />
        </div>
        <TextArea
          label="Reason for the churn"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={2}
          maxLength={RENEWAL_TEXT_MAX}
          error={failure?.fields.churnReason}
        />
        <TextArea
          label="Lessons learned"
          value={lessons}
          onChange={(event) => setLessons(event.target.value)}
          rows={6}
          error={failure?.fields.lessonsLearned}
        />
        {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
        <div className="renewals-form__row">
          <Button type="submit" variant="primary" size="sm" disabled={!dirty} loading={save.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ActionsCard({ retro, onNotice, onReload }: Props) {
  const queryClient = useQueryClient();
  const updateActionOptions = churnRetroMutations.updateAction(queryClient);
  const toggle = useMutation(updateActionOptions);
  const failure = toggle.error ? describeWriteError(toggle.error, "this call to action") : null;

  const columns: DataTableColumn<RetroAction>[] = [
    { id: "title", header: "Call to action", cell: (action) => action.title, rowHeader: true },
    { id: "owner", header: "Owner", cell: (action) => action.owner?.name ?? "No owner" },
    { id: "due", header: "Due", cell: (action) => <DateText value={action.dueDate} /> },
    { id: "status", header: "Status", cell: (action) => (action.status === "done" ? "Done" : "Open") },
  ];
  // Marking done and adding are offered only to those the server lets edit the retro.
  if (retro.canEdit)
    columns.push({
      id: "toggle",
      header: "",
      cell: (action) => (
        <Button
          size="sm"
          loading={toggle.isPending && toggle.variables?.actionId === action.id}
          onClick={() =>
            toggle.mutate(
              {
                id: retro.id,
                actionId: action.id,
                version: action.version,
                patch: { status: action.status === "done" ? "open" : "done" },
              },
              {
                onSuccess: () =>
                  onNotice(
                    action.status === "done"
                      ? `Reopened "${action.title}".`
                      : `Marked "${action.title}" done.`,
                  ),
              },
            )
          }
        >
          {action.status === "done" ? "Reopen" : "Mark done"}
          <span className="keel-visually-hidden">: {action.title}</span>
        </Button>
      ),
    });

  return (
    <Card title="Calls to action">
      <DataTable
        caption="Calls to action"
        rowNoun={{ one: "call to action", other: "calls to action" }}
        columns={columns}
        rows={retro.actions}
        getRowId={(action) => action.id}
        filterable={false}
        emptyMessage="No call to action yet"
      />
      {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
      {retro.canEdit && <AddActionForm retro={retro} onNotice={onNotice} onReload={onReload} />}
    </Card>
  );
}

function AddActionForm({ retro, onNotice, onReload }: Props) {
  const queryClient = useQueryClient();
  const people = useQuery(usersQuery());
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useMutation(churnRetroMutations.addAction(queryClient));
  const failure = add.error ? describeWriteError(add.error, "this retro") : null;
  const ownerOptions: SelectOption[] = (people.data?.items ?? []).map((person) => ({
    value: person.id,
    label: person.name,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (title.trim() === "") found.title = "Say what is to be done";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = "Choose a due date";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      { id: retro.id, action: { title: title.trim(), dueDate, ownerId: ownerId || null } },
      {
        onSuccess: () => {
          onNotice("Call to action added.");
          setTitle("");
          setOwnerId("");
          setDueDate("");
        },
      },
    );
  };

  return (
    <form className="renewals-form" aria-label="Add a call to action" onSubmit={submit} noValidate>
      <h4>Add a call to action</h4>
      <div className="renewals-form__row">
        <TextInput
          label="Call to action"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          maxLength={300}
          error={problems.title ?? failure?.fields.title}
        />
        <Select
          label="Owner"
          options={ownerOptions}
          placeholder="No owner"
          value={ownerId}
          onValueChange={setOwnerId}
        />
        <TextInput
          label="Due"
          type="date"
          min={todayIso()}
          value={dueDate}
          onChange={(event) => setDueDate(event.target.value)}
          required
          error={problems.dueDate ?? failure?.fields.dueDate}
        />
      </div>
      {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
      <div className="renewals-form__row">
        <Button type="submit" size="sm" loading={add.isPending}>
          Add
        </Button>
      </div>
    </form>
  );
}
