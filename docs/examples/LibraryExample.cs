using EcgScope.Formats;
using EcgScope.Signal.Analysis;

// Reads any supported file (the reader is chosen by the file's content), then cleans and measures every lead.
var record = EcgFile.Read(args[0]);
var analysis = EcgAnalysis.Analyze(record);
foreach (var lead in analysis.Leads)
{
    var rate = lead.HeartRate is { } heartRate ? $"{heartRate.MeanBpm:F0} bpm" : "no heart rate (fewer than two R-peaks)";
    Console.WriteLine($"{lead.LeadName}: {lead.RPeaks.Length} R-peaks, {rate}");
}
