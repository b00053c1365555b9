-- Fuzzy actor lookup (searchActors) ranks names and aliases by trigram similarity, and its
-- GIN indexes (next migration) need pg_trgm's operator class. IF NOT EXISTS: another
-- subgraph sharing the database may have created the extension already.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
