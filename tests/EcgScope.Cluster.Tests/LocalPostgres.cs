using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EcgScope.Cluster.Tests;

/// <summary>
/// A private PostgreSQL server for one test: a fresh data folder (initdb) in a temp folder, started on a free loopback
/// port, trusting local connections, and removed on dispose. Uses Debian's packaged binaries
/// (/usr/lib/postgresql/VERSION/bin); initdb refuses to run as root, so under root the server runs as the
/// <c>postgres</c> user the package creates. Under CI (CI=true) a missing PostgreSQL fails the test; elsewhere it skips it.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private const string User = "ecgscope";
    private readonly string folder;
    private readonly string bin;
    private readonly bool asPostgresUser;

    private LocalPostgres(string folder, string bin, bool asPostgresUser, int port)
    {
        this.folder = folder;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username={User};Database=postgres;Pooling=true";
    }

    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(folder, "data");

    public static async Task<LocalPostgres> StartAsync()
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.IsPrivilegedProcess;
        var folder = Directory.CreateTempSubdirectory("ecgscope-postgres-").FullName;
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres", folder]);
        }

        var server = new LocalPostgres(folder, bin, asPostgresUser, FreePort());
        try
        {
            await server.RunToolAsync("initdb", ["-D", server.DataFolder, "-A", "trust", "-U", User, "-E", "UTF8", "--no-sync"]);
            var port = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
            await server.RunToolAsync("pg_ctl", [
                "-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "start",
                "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The newest PostgreSQL's binaries; skips or fails the test when there are none.</summary>
    private static string FindBinaries()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(path => File.Exists(Path.Combine(path, "initdb")))
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(path)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (bin is not null)
        {
            return bin;
        }

        const string message = "PostgreSQL not found in /usr/lib/postgresql: apt-get install postgresql.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments) =>
        asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
            : RunAsync(Path.Combine(bin, tool), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
