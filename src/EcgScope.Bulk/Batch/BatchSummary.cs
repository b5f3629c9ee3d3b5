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
    /// <summary>The summary of a run over <paramref name="input"/> into <paramref name="results"/>, whoever ran the records.</summary>
    /// <param name="input">The records of the run.</param>
    /// <param name="results">The results file, after the run.</param>
    /// <param name="analysed">Records analysed by this run.</param>
    /// <param name="pending">Records that were not done before the run.</param>
    /// <param name="cancelled">Whether the run was stopped.</param>
    /// <param name="elapsed">How long it took.</param>
    /// <param name="parallelism">How many records were analysed at once.</param>
    public static BatchSummary Of(BatchInput input, BatchResultsFile results, int analysed, int pending, bool cancelled, TimeSpan elapsed, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(results);
        return new BatchSummary(
            results.Path,
            input.Records.Count,
            analysed,
            input.Records.Count - pending,
            input.Records.Count(results.HasError),
            input.Unsupported,
            results.IgnoredLines,
            cancelled,
            elapsed,
            parallelism);
    }

    /// <summary>Records analysed per second of this run; 0 when none were.</summary>
    public double RecordsPerSecond => Analysed == 0 || Elapsed <= TimeSpan.Zero ? 0 : Analysed / Elapsed.TotalSeconds;
}
