ALTER TABLE "statements"."statements" ADD COLUMN "place_name" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_full_name" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_admin1" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_adm1_code" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_country" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_latitude" double precision;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_longitude" double precision;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_feature_id" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "place_geo_type" integer;