-- Grain state: one row per grain and service, with a version for optimistic concurrency (a write names the version
-- it read; a stale one changes nothing and gets its own version back, which Orleans reports as a conflict).
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- The new version, or the one given when the write lost to another (NULL when a first write lost).
CREATE OR REPLACE FUNCTION ecgscope_write_state(
    id_hash integer, n0 bigint, n1 bigint, type_hash integer, type_string varchar, extension varchar,
    service varchar, expected_version integer, payload bytea)
RETURNS TABLE (NewGrainStateVersion integer) LANGUAGE plpgsql AS $$
BEGIN
    IF expected_version IS NULL THEN
        -- First write: the lock makes two first writes of one grain (a split cluster) take turns.
        LOCK TABLE OrleansStorage IN SHARE ROW EXCLUSIVE MODE;
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
        SELECT id_hash, n0, n1, type_hash, type_string, extension, service, payload, 1
        WHERE NOT EXISTS (
            SELECT 1 FROM OrleansStorage s
            WHERE s.GrainIdHash = id_hash AND s.GrainTypeHash = type_hash AND s.GrainIdN0 = n0 AND s.GrainIdN1 = n1
              AND s.GrainTypeString = type_string AND s.GrainIdExtensionString IS NOT DISTINCT FROM extension
              AND s.ServiceId = service);
        RETURN QUERY SELECT CASE WHEN FOUND THEN 1 END;
    ELSE
        UPDATE OrleansStorage s SET PayloadBinary = payload, ModifiedOn = now(), Version = s.Version + 1
        WHERE s.GrainIdHash = id_hash AND s.GrainTypeHash = type_hash AND s.GrainIdN0 = n0 AND s.GrainIdN1 = n1
          AND s.GrainTypeString = type_string AND s.GrainIdExtensionString IS NOT DISTINCT FROM extension
          AND s.ServiceId = service AND s.Version = expected_version;
        RETURN QUERY SELECT CASE WHEN FOUND THEN expected_version + 1 ELSE expected_version END;
    END IF;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
    SELECT * FROM ecgscope_write_state(@GrainIdHash::integer, @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainTypeHash::integer,
        @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion::integer, @PayloadBinary);'),
('ReadFromStorageKey', '
    SELECT PayloadBinary, NULL::xml AS PayloadXml, NULL::text AS PayloadJson, now() AS ModifiedOn, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash::integer AND GrainTypeHash = @GrainTypeHash::integer
      AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString AND ServiceId = @ServiceId;'),
('ClearStorageKey', '
    UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash::integer AND GrainTypeHash = @GrainTypeHash::integer
      AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion::integer
    RETURNING Version AS NewGrainStateVersion;'),
('DeleteStorageKey', '
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash::integer AND GrainTypeHash = @GrainTypeHash::integer
      AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion::integer
    RETURNING Version + 1 AS NewGrainStateVersion;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
