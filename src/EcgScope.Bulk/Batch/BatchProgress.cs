namespace EcgScope.Bulk.Batch;

/// <summary>How far a batch has come, reported after each record.</summary>
/// <param name="Completed">Records analysed in this run so far.</param>
/// <param name="Total">Records to analyse in this run (those done before are not counted).</param>
/// <param name="Failed">Records of this run whose row holds an error.</param>
/// <param name="RecordsPerSecond">Records analysed per second of this run so far.</param>
/// <param name="Remaining">The time left at that rate.</param>
/// <param name="LastRecord">The record that finished last.</param>
public readonly record struct BatchProgress(int Completed, int Total, int Failed, double RecordsPerSecond, TimeSpan Remaining, string? LastRecord);
