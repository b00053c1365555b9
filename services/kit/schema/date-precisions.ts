// How exactly a date is known. Statements and incidents both store it in a CHECKed text column
// and both serve the one shared GraphQL enum, so the list is written here, once; this file
// imports nothing, so the tables (and the ingest schemas built on them) stay free of GraphQL.
export const DATE_PRECISION_VALUES = ["DAY", "WEEK", "MONTH", "YEAR", "ON_OR_BEFORE"] as const;
