ALTER TABLE "incidents"."incidents" ADD COLUMN "source_version" bigint;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "time_precision" integer;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "tags" text[];--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "acled_interaction" text;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "civilian_targeting" boolean;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "goldstein_scale" double precision;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "avg_tone" double precision;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "num_mentions" integer;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "num_sources" integer;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "num_articles" integer;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "date_added" timestamp with time zone;