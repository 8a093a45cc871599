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
  type RowNoun,
  type SortDirection,
  type SortState,
  type SortValue,
} from "./components/DataTable/DataTable.tsx";
export { DateText, type DateTextProps } from "./components/DateText/DateText.tsx";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState/EmptyState.tsx";
export { ErrorState, type ErrorStateProps } from "./components/ErrorState/ErrorState.tsx";
export { Field, type FieldControlProps, type FieldProps } from "./components/Field/Field.tsx";
export {
  HealthBadge,
  type HealthBadgeProps,
  healthCategoryLabels,
} from "./components/HealthBadge/HealthBadge.tsx";
export { Money, type MoneyProps } from "./components/Money/Money.tsx";
export { Select, type SelectOption, type SelectProps } from "./components/Select/Select.tsx";
export { Skeleton, type SkeletonProps } from "./components/Skeleton/Skeleton.tsx";
export { Spinner, type SpinnerProps } from "./components/Spinner/Spinner.tsx";
export { StagePill, type StagePillProps } from "./components/StagePill/StagePill.tsx";
export { type TabItem, Tabs, type TabsProps } from "./components/Tabs/Tabs.tsx";
export { TextInput, type TextInputProps } from "./components/TextInput/TextInput.tsx";
export {
  summarizeTrend,
  TrendChart,
  type TrendChartProps,
  type TrendPoint,
} from "./components/TrendChart/TrendChart.tsx";
export { type DateInput, type DateStyle, type FormatDateOptions, formatDate } from "./format/date.ts";
export { currencyMinorDigits, type FormatMoneyOptions, formatMoney, MISSING_VALUE } from "./format/money.ts";
