-- Grain state of every storage name (current state, history pages, aggregates): one row per cluster (ServiceId),
-- state name (GrainTypeString) and grain. Version is the ETag: a write or clear names the version it read, and one
-- that does not match changes nothing and answers the version it was given, which Orleans reports as a conflict.

CREATE TABLE OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamptz NOT NULL,
    Version integer NULL
);

-- One row per grain and state: the unique key makes two first writes of the same state (two activations racing)
-- end in one row and one conflict. The hashes lead, so that every lookup is a short index scan.
CREATE UNIQUE INDEX UX_OrleansStorage_Grain ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, (coalesce(GrainIdExtensionString, '')));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''');'),

-- No version given: the state was never stored, so insert it at version 1. A version given: update that version only.
('WriteToStorageKey', '
    WITH inserted AS (
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                    GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, (coalesce(GrainIdExtensionString, '''')))
        DO NOTHING
        RETURNING Version),
    updated AS (
        UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
          AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
          AND Version = @GrainStateVersion::integer
        RETURNING Version)
    SELECT coalesce((SELECT Version FROM inserted), (SELECT Version FROM updated), @GrainStateVersion::integer)
        AS NewGrainStateVersion;'),

-- Clearing keeps the row (and so the version sequence), without payload.
('ClearStorageKey', '
    WITH cleared AS (
        UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
          AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
          AND Version = @GrainStateVersion::integer
        RETURNING Version)
    SELECT coalesce((SELECT Version FROM cleared), @GrainStateVersion::integer) AS NewGrainStateVersion;'),

-- For providers configured to delete on clear (OzgGrid's are not): removes the row of that version.
('DeleteStorageKey', '
    WITH deleted AS (
        DELETE FROM OrleansStorage
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
          AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
          AND Version = @GrainStateVersion::integer
        RETURNING Version + 1 AS Version)
    SELECT coalesce((SELECT Version FROM deleted), @GrainStateVersion::integer) AS NewGrainStateVersion;');
