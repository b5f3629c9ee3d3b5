namespace EcgScope.Cluster.Analyses;

/// <summary>How many records this silo analysed for the web app (ecgscope-silo prints it when it stops).</summary>
public sealed class AnalysisTally
{
    private int analysed;

    /// <summary>Records analysed so far.</summary>
    public int Analysed => Volatile.Read(ref analysed);

    /// <summary>Counts one more.</summary>
    internal void Count() => Interlocked.Increment(ref analysed);
}
