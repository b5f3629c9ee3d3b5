-- Cluster membership: one version row per cluster (bumped by every membership change, so concurrent changes
-- conflict), and one row per silo.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes text NULL,
    StartTime timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Adds a silo if the cluster's version is still the one the caller read: 1 when added, 0 otherwise (the version
-- moved on, or the silo is there already; then nothing changes).
CREATE OR REPLACE FUNCTION ecgscope_insert_member(
    deployment varchar, address_ varchar, port_ integer, generation_ integer, silo_name varchar, host_name varchar,
    status_ integer, proxy_port integer, start_time timestamptz, alive_time timestamptz, expected_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment AND Version = expected_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES (deployment, address_, port_, generation_, silo_name, host_name, status_, proxy_port, start_time, alive_time);
    RETURN 1;
EXCEPTION WHEN unique_violation THEN
    -- Leaving the block undoes its version bump too.
    RETURN 0;
END
$$;

-- Changes a silo's row if the cluster's version is still the one the caller read: 1 when changed, 0 otherwise.
CREATE OR REPLACE FUNCTION ecgscope_update_member(
    deployment varchar, address_ varchar, port_ integer, generation_ integer, status_ integer, suspect_times text,
    alive_time timestamptz, expected_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment AND Version = expected_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE OrleansMembershipTable SET Status = status_, SuspectTimes = suspect_times, IAmAliveTime = alive_time
    WHERE DeploymentId = deployment AND Address = address_ AND Port = port_ AND Generation = generation_;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found';
    END IF;
    RETURN 1;
EXCEPTION WHEN no_data_found THEN
    RETURN 0;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    WITH added AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING RETURNING 1)
    SELECT count(*)::integer FROM added;'),
('InsertMembershipKey', '
    SELECT ecgscope_insert_member(@DeploymentId, @Address, @Port::integer, @Generation::integer, @SiloName, @HostName,
        @Status::integer, @ProxyPort::integer, @StartTime, @IAmAliveTime, @Version::integer);'),
('UpdateMembershipKey', '
    SELECT ecgscope_update_member(@DeploymentId, @Address, @Port::integer, @Generation::integer, @Status::integer,
        @SuspectTimes, @IAmAliveTime, @Version::integer);'),
('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port::integer AND Generation = @Generation::integer;'),
('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port::integer AND m.Generation = @Generation::integer
    WHERE v.DeploymentId = @DeploymentId;'),
('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;'),
('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status::integer AND ProxyPort > 0;'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'),
-- Status 3 is Active: rows of silos that stopped sending heartbeats before the cut-off go.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;'),
-- Status 6 is Dead.
('CleanupDefunctSiloEntryKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port::integer
      AND Generation = @Generation::integer AND Status = 6;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
