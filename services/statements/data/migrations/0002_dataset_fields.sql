ALTER TABLE "statements"."statements" ADD COLUMN "addressee_id" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "cameo_code" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "goldstein_scale" double precision;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "avg_tone" double precision;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "num_mentions" integer;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "num_sources" integer;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "num_articles" integer;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "date_added" timestamp with time zone;