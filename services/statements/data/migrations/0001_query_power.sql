DROP INDEX "statements"."claims_subject_idx";--> statement-breakpoint
DROP INDEX "statements"."claims_object_idx";--> statement-breakpoint
DROP INDEX "statements"."claims_incident_idx";--> statement-breakpoint
DROP INDEX "statements"."stances_claim_idx";--> statement-breakpoint
DROP INDEX "statements"."statements_responds_to_idx";--> statement-breakpoint
DROP INDEX "statements"."statements_source_idx";--> statement-breakpoint
CREATE INDEX "claims_subject_id_idx" ON "statements"."claims" USING btree ("subject_id","id");--> statement-breakpoint
CREATE INDEX "claims_object_id_idx" ON "statements"."claims" USING btree ("object_id","id");--> statement-breakpoint
CREATE INDEX "claims_incident_id_idx" ON "statements"."claims" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "stances_claim_stance_statement_idx" ON "statements"."stances" USING btree ("claim_id","stance","statement_id");--> statement-breakpoint
CREATE INDEX "stances_stance_statement_idx" ON "statements"."stances" USING btree ("stance","statement_id");--> statement-breakpoint
CREATE INDEX "statements_on_behalf_of_said_on_id_idx" ON "statements"."statements" USING btree ("on_behalf_of_id","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_language_said_on_id_idx" ON "statements"."statements" USING btree ("language","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_source_said_on_id_idx" ON "statements"."statements" USING btree ("source_id","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_responds_to_said_on_id_idx" ON "statements"."statements" USING btree ("responds_to_id","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_search_idx" ON "statements"."statements" USING gin (to_tsvector('english', "text"));