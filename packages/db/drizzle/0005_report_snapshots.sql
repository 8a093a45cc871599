CREATE TABLE "report_snapshots" (
	"report" text NOT NULL,
	"params" text NOT NULL,
	"data_version" text NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_snapshots_report_params_pk" PRIMARY KEY("report","params")
);
