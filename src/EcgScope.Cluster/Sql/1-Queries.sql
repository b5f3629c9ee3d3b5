-- EcgScope's PostgreSQL schema for Orleans' ADO.NET providers (Microsoft.Orleans.*.AdoNet 10.4.2), written for
-- EcgScope against the providers' contract: each provider reads its SQL from OrleansQuery by key, binds its
-- parameters by name (@DeploymentId, ...) and reads result columns by name. Every script here can run again on a
-- database that has it already (PostgresSchema.ApplyAsync runs them at every silo start).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);
