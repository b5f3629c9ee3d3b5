using Npgsql;

namespace EcgScope.Cluster;

/// <summary>
/// Creates, in a PostgreSQL database, the tables and queries Orleans' ADO.NET providers need for membership, grain
/// state and reminders (the scripts under Sql/, embedded in this assembly). Safe to run again and from several silos at
/// once: every script leaves an existing schema as it is, and they run in one transaction under an advisory lock.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The advisory lock that makes silos starting together apply the schema one after the other.</summary>
    private const long SchemaLock = 0x4563_6753_636F_7065; // "EcgScope"

    /// <summary>Applies the schema to the database of <paramref name="connectionString"/>.</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var script in Scripts())
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scripts' text, in the order of their names (1-Queries.sql first).</summary>
    internal static IEnumerable<string> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
