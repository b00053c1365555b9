ALTER TABLE "statements"."statements" ALTER COLUMN "speaker_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "speaker_as_written" text;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "addressee_as_written" text;