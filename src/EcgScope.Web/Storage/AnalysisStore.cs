using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcgScope.Web.Storage;

/// <summary>One analysis as the history keeps it: the derived JSON, the log and the signal, nothing else from the file.</summary>
/// <param name="Id">The analysis id.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="FileName">The uploaded file's name (or the sample's, or "demo").</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="DurationSeconds">The recording's length.</param>
/// <param name="HeartRateBpm">The record's heart rate, if measurable.</param>
/// <param name="DocumentJson">The analysis JSON the API serves.</param>
/// <param name="Log">The analysis log.</param>
/// <param name="Signal">The signal, as <see cref="Reports.Documents.StoredSignal"/> writes it.</param>
/// <param name="PrintoutPng">For a printout image: its traced area with the digitized traces over it (kept apart, read by <see cref="AnalysisStore.FindPrintout"/>).</param>
public sealed record StoredAnalysis(
    string Id, DateTimeOffset CreatedAt, string FileName, string Format, double DurationSeconds, double? HeartRateBpm, string DocumentJson, string Log, byte[] Signal,
    byte[]? PrintoutPng = null);

/// <summary>A line of the history list.</summary>
/// <param name="Id">The analysis id.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="Format">The format.</param>
/// <param name="DurationSeconds">The recording's length.</param>
/// <param name="HeartRateBpm">The heart rate, if measurable.</param>
public sealed record AnalysisSummary(string Id, DateTimeOffset CreatedAt, string FileName, string Format, double DurationSeconds, double? HeartRateBpm);

/// <summary>The history in a SQLite file: created on first use, one connection per call (pooled), safe across threads.</summary>
public sealed class AnalysisStore
{
    private const string Columns = "id, created_utc, file_name, format, duration_seconds, heart_rate_bpm";
    private readonly string connectionString;

    /// <summary>A store in the SQLite file at <paramref name="path"/>, its folder and table created if missing.</summary>
    public AnalysisStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS analyses (
                id TEXT PRIMARY KEY,
                created_utc TEXT NOT NULL,
                file_name TEXT NOT NULL,
                format TEXT NOT NULL,
                duration_seconds REAL NOT NULL,
                heart_rate_bpm REAL,
                document TEXT NOT NULL,
                log TEXT NOT NULL,
                signal BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS analyses_created ON analyses (created_utc);
            CREATE TABLE IF NOT EXISTS printouts (
                analysis_id TEXT PRIMARY KEY,
                png BLOB NOT NULL);
            """);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Keeps <paramref name="analysis"/>.</summary>
    public void Add(StoredAnalysis analysis)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO analyses ({Columns}, document, log, signal) VALUES ($id, $created, $file, $format, $duration, $rate, $document, $log, $signal)";
        command.Parameters.AddWithValue("$id", analysis.Id);
        command.Parameters.AddWithValue("$created", analysis.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$file", analysis.FileName);
        command.Parameters.AddWithValue("$format", analysis.Format);
        command.Parameters.AddWithValue("$duration", analysis.DurationSeconds);
        command.Parameters.AddWithValue("$rate", (object?)analysis.HeartRateBpm ?? DBNull.Value);
        command.Parameters.AddWithValue("$document", analysis.DocumentJson);
        command.Parameters.AddWithValue("$log", analysis.Log);
        command.Parameters.AddWithValue("$signal", analysis.Signal);
        command.ExecuteNonQuery();
        if (analysis.PrintoutPng is { } png)
        {
            using var printout = connection.CreateCommand();
            printout.CommandText = "INSERT INTO printouts (analysis_id, png) VALUES ($id, $png)";
            printout.Parameters.AddWithValue("$id", analysis.Id);
            printout.Parameters.AddWithValue("$png", png);
            printout.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The printout preview of analysis <paramref name="id"/> (PNG), or null when it has none.</summary>
    public byte[]? FindPrintout(string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT png FROM printouts WHERE analysis_id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>The analysis <paramref name="id"/>, or null.</summary>
    public StoredAnalysis? Find(string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, document, log, signal FROM analyses WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredAnalysis(
                reader.GetString(0), Created(reader), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), Rate(reader),
                reader.GetString(6), reader.GetString(7), (byte[])reader[8])
            : null;
    }

    /// <summary>The newest <paramref name="limit"/> analyses, newest first.</summary>
    public IReadOnlyList<AnalysisSummary> List(int limit = 200)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM analyses ORDER BY created_utc DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<AnalysisSummary>();
        while (reader.Read())
        {
            list.Add(new AnalysisSummary(reader.GetString(0), Created(reader), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), Rate(reader)));
        }

        return list;
    }

    /// <summary>Deletes the analysis <paramref name="id"/>; false when there was none.</summary>
    public bool Delete(string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM printouts WHERE analysis_id = $id; DELETE FROM analyses WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    private static DateTimeOffset Created(SqliteDataReader reader) =>
        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static double? Rate(SqliteDataReader reader) => reader.IsDBNull(5) ? null : reader.GetDouble(5);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
