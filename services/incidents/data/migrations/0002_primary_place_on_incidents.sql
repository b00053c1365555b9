-- Incidents stored before 0001 get their primary place's area and coordinates, which the
-- writers now copy onto every incident they store.
UPDATE "incidents"."incidents" AS "incident"
SET "country" = "place"."country",
	"admin1" = "place"."admin1",
	"latitude" = "place"."latitude",
	"longitude" = "place"."longitude"
FROM "incidents"."places" AS "place"
WHERE "place"."incident_id" = "incident"."id" AND "place"."is_primary";
