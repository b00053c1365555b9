DROP INDEX "actors"."actor_relations_subject_idx";--> statement-breakpoint
DROP INDEX "actors"."actor_relations_object_idx";--> statement-breakpoint
CREATE INDEX "actor_relations_predicate_object_subject_idx" ON "actors"."actor_relations" USING btree ("predicate","object_id","subject_id");--> statement-breakpoint
CREATE INDEX "actors_name_trgm_idx" ON "actors"."actors" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "aliases_normalized_value_trgm_idx" ON "actors"."aliases" USING gin ("normalized_value" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actor_relations_subject_idx" ON "actors"."actor_relations" USING btree ("subject_id","predicate","id");--> statement-breakpoint
CREATE INDEX "actor_relations_object_idx" ON "actors"."actor_relations" USING btree ("object_id","predicate","id");