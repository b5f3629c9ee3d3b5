namespace EcgScope.Bulk.Batch;

/// <summary>What a batch run did.</summary>
/// <param name="ResultsPath">The results file.</param>
/// <param name="Records">Records in the input.</param>
/// <param name="Analysed">Records analysed in this run.</param>
/// <param name="AlreadyDone">Records skipped because the file already had their row (an earlier run).</param>
/// <param name="Failed">Records of the input whose row holds an error, from this run or an earlier one.</param>
/// <param name="Unsupported">Files of the input that are not ECG records.</param>
/// <param name="IgnoredLines">Lines of the results file that were not whole rows (a crash cut one short), ignored and dropped.</param>
/// <param name="Cancelled">Whether the run was stopped before every record was done; a rerun resumes it.</param>
/// <param name="Elapsed">How long the run took.</param>
/// <param name="Parallelism">How many records were analysed at once.</param>
public sealed record BatchSummary(
    string ResultsPath,
    int Records,
    int Analysed,
    int AlreadyDone,
    int Failed,
    IReadOnlyList<UnsupportedFile> Unsupported,
    int IgnoredLines,
    bool Cancelled,
    TimeSpan Elapsed,
    int Parallelism)
{
    /// <summary>Records analysed per second of this run; 0 when none were.</summary>
    public double RecordsPerSecond => Analysed == 0 || Elapsed <= TimeSpan.Zero ? 0 : Analysed / Elapsed.TotalSeconds;
}
