using System.Diagnostics;
using System.Text;

namespace EcgScope.Cluster.Tests;

/// <summary>
/// An <c>ecgscope-silo</c> process on loopback (the host's build output lies beside the tests' through the project
/// reference). <see cref="StopAsync"/> asks it to stop as Ctrl+C would and returns what it printed; dispose kills it if
/// it still runs, so no test leaves a silo behind.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process, int siloPort)
    {
        this.process = process;
        SiloPort = siloPort;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static SiloProcess Start(string connectionString, string clusterId)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        var siloPort = LocalPostgres.FreePort();
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "ecgscope-silo.dll"), "--postgres", connectionString, "--cluster-id", clusterId,
            "--address", "127.0.0.1", "--silo-port", $"{siloPort}", "--gateway-port", $"{LocalPostgres.FreePort()}",
            "--models", EcgScope.Testing.TestData.RepositoryFile("models"),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new SiloProcess(Process.Start(start)!, siloPort);
    }

    /// <summary>The port it talks to other silos on: its <see cref="SiloAddress"/>'s.</summary>
    public int SiloPort { get; }

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Sends SIGTERM and waits for a clean exit (0); returns its output.</summary>
    public async Task<string> StopAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the silo exited with {process.ExitCode}:\n{Output}");
        return Output;
    }

    /// <summary>Kills it at once (SIGKILL): no goodbye to the cluster.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
