CREATE TABLE "actors"."changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "actors"."changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"entity_kind" text,
	"entity_id" text,
	"key_name" text,
	"role" text,
	"request_id" text,
	"operation_name" text,
	"import_run_id" text,
	"reverts" bigint,
	"reverted_by" bigint
);
--> statement-breakpoint
CREATE TABLE "actors"."import_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"change_id" bigint NOT NULL,
	"format" text NOT NULL,
	"files" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "actors"."row_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "actors"."row_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"change_id" bigint NOT NULL,
	"table_name" text NOT NULL,
	"operation" text NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"row_key" jsonb NOT NULL,
	"prior_key" jsonb,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "actors"."import_runs" ADD CONSTRAINT "import_runs_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "actors"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors"."row_changes" ADD CONSTRAINT "row_changes_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "actors"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "changes_entity_idx" ON "actors"."changes" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "changes_import_run_idx" ON "actors"."changes" USING btree ("import_run_id");--> statement-breakpoint
CREATE INDEX "row_changes_change_idx" ON "actors"."row_changes" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "row_changes_entity_idx" ON "actors"."row_changes" USING btree ("entity_id","change_id");--> statement-breakpoint
CREATE INDEX "row_changes_row_idx" ON "actors"."row_changes" USING btree ("table_name","row_key");