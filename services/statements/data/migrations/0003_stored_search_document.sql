DROP INDEX "statements"."statements_search_idx";--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD COLUMN "search_document" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;--> statement-breakpoint
CREATE INDEX "statements_search_idx" ON "statements"."statements" USING gin ("search_document");