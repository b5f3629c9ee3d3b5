using System.Globalization;
using System.Net;

namespace EcgScope.Cluster.Silo;

/// <summary>The command line of <c>ecgscope-silo</c>.</summary>
/// <param name="Postgres">The Npgsql connection string of the cluster's database.</param>
/// <param name="ClusterId">The cluster to join.</param>
/// <param name="Address">The address other silos and clients reach this one at; null: the host's own.</param>
/// <param name="SiloPort">The port silos talk to each other on.</param>
/// <param name="GatewayPort">The port clients connect to.</param>
/// <param name="Models">The models folder.</param>
internal sealed record SiloArguments(string Postgres, string ClusterId, IPAddress? Address, int SiloPort, int GatewayPort, string? Models)
{
    public const string Usage = """
        usage: ecgscope-silo --postgres CONNECTION [--cluster-id ID] [--address IP] [--silo-port N] [--gateway-port N] [--models DIR]
          --postgres      Npgsql connection string of the cluster's database (default: $ECGSCOPE_CLUSTER_POSTGRES)
          --cluster-id    the cluster to join (default: ecgscope)
          --address       the IP address other silos and clients reach this silo at (default: this host's)
          --silo-port     port for silo-to-silo traffic (default: 11111)
          --gateway-port  port clients connect to (default: 30000)
          --models        the models folder (default: $ECGSCOPE_MODELS, else the models shipped with EcgScope)
        """;

    /// <summary>Reads <paramref name="args"/>; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static SiloArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is not ("--postgres" or "--cluster-id" or "--address" or "--silo-port" or "--gateway-port" or "--models"))
            {
                throw new FormatException($"unknown option '{args[i]}'");
            }

            values[args[i]] = i + 1 < args.Count ? args[i + 1] : throw new FormatException($"{args[i]} needs a value");
        }

        var postgres = values.GetValueOrDefault("--postgres") ?? Environment.GetEnvironmentVariable("ECGSCOPE_CLUSTER_POSTGRES");
        return new SiloArguments(
            string.IsNullOrWhiteSpace(postgres) ? throw new FormatException("--postgres is required") : postgres,
            values.GetValueOrDefault("--cluster-id", "ecgscope"),
            values.TryGetValue("--address", out var address)
                ? IPAddress.TryParse(address, out var ip) ? ip : throw new FormatException($"--address: '{address}' is not an IP address")
                : null,
            Port(values, "--silo-port", 11111),
            Port(values, "--gateway-port", 30000),
            values.GetValueOrDefault("--models"));
    }

    private static int Port(Dictionary<string, string> values, string option, int fallback) =>
        !values.TryGetValue(option, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port
        : throw new FormatException($"{option}: '{text}' is not a port number");
}
