export {
  AsyncContent,
  type AsyncContentProps,
  type AsyncStatus,
} from "./components/AsyncContent/AsyncContent.tsx";
export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from "./components/Button/Button.tsx";
export { Card, type CardProps } from "./components/Card/Card.tsx";
export {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  type RowLinkProps,
  type RowNoun,
  type SortDirection,
  type SortState,
  type SortValue,
} from "./components/DataTable/DataTable.tsx";
export { DateText, type DateTextProps } from "./components/DateText/DateText.tsx";
export {
  type DocumentDraft,
  DocumentEditor,
  type DocumentEditorProps,
  type DocumentSection,
  type DocumentVersionSummary,
  type EditableDocument,
} from "./components/DocumentEditor/DocumentEditor.tsx";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState/EmptyState.tsx";
export { ErrorState, type ErrorStateProps } from "./components/ErrorState/ErrorState.tsx";
export { Field, type FieldControlProps, type FieldProps } from "./components/Field/Field.tsx";
export {
  HealthBadge,
  type HealthBadgeProps,
  healthCategoryLabels,
} from "./components/HealthBadge/HealthBadge.tsx";
export { Money, type MoneyProps } from "./components/Money/Money.tsx";
export {
  NotificationBell,
  type NotificationBellProps,
  type NotificationItem,
  unreadBadgeText,
} from "./components/NotificationBell/NotificationBell.tsx";
export { relativeTime } from "./components/NotificationBell/relativeTime.ts";
export {
  type BreadcrumbItem,
  PageHeader,
  type PageHeaderProps,
} from "./components/PageHeader/PageHeader.tsx";
export { ProgressBar, type ProgressBarProps } from "./components/ProgressBar/ProgressBar.tsx";
export {
  type RecommendationGroup,
  type RecommendationItem,
  type RecommendationLinkProps,
  RecommendationList,
  type RecommendationListProps,
} from "./components/RecommendationList/RecommendationList.tsx";
export { Select, type SelectOption, type SelectProps } from "./components/Select/Select.tsx";
export { Skeleton, type SkeletonProps } from "./components/Skeleton/Skeleton.tsx";
export {
  type SourceOrigin,
  SourceTag,
  type SourceTagProps,
  sourceLabel,
} from "./components/SourceTag/SourceTag.tsx";
export { Spinner, type SpinnerProps } from "./components/Spinner/Spinner.tsx";
export { StagePill, type StagePillProps } from "./components/StagePill/StagePill.tsx";
export {
  type StageChangeItem,
  StageTimeline,
  type StageTimelineProps,
  stageChangeCause,
} from "./components/StageTimeline/StageTimeline.tsx";
export { type TabItem, Tabs, type TabsProps } from "./components/Tabs/Tabs.tsx";
export { type DueStatus, dueStatus, dueStatusLabel } from "./components/TaskList/dueStatus.ts";
export {
  TaskList,
  type TaskListGrouping,
  type TaskListItem,
  type TaskListProps,
} from "./components/TaskList/TaskList.tsx";
export { TextArea, type TextAreaProps } from "./components/TextArea/TextArea.tsx";
export { TextInput, type TextInputProps } from "./components/TextInput/TextInput.tsx";
export {
  summarizeTrend,
  TrendChart,
  type TrendChartProps,
  type TrendPoint,
} from "./components/TrendChart/TrendChart.tsx";
export { type DateInput, type DateStyle, type FormatDateOptions, formatDate } from "./format/date.ts";
export { currencyMinorDigits, type FormatMoneyOptions, formatMoney, MISSING_VALUE } from "./format/money.ts";
