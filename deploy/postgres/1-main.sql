-- OzgGrid's PostgreSQL schema, part 1: the query catalogue Orleans' ADO.NET providers read at start, and the schema
-- version. Orleans issues no SQL of its own: it runs the named queries of OrleansQuery, binding parameters and reading
-- result columns by name, so the names below are a contract; the statements behind them are OzgGrid's own.
-- Applied in order (1-main, 2-clustering, 3-persistence, 4-reminders) in one transaction by `ozg db init` or a
-- silo's first start; unquoted names fold to lower case, as Orleans expects.

CREATE TABLE OzgGridSchemaVersion
(
    Version integer NOT NULL,
    AppliedOn timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT PK_OzgGridSchemaVersion PRIMARY KEY (Version)
);

CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
