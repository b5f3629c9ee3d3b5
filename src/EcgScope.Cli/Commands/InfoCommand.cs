using System.CommandLine;
using EcgScope.Core;
using EcgScope.Formats.Wfdb;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope info FILE</c>: what a file holds, without analysing it.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An ECG file in any supported format." };
        var options = new CommonOptions();
        var command = new Command("info", "Show the format, leads, sampling rate, duration and metadata of an ECG file.") { file };
        options.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(parse, parse.GetValue(options.Format), () =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var reader = SupportedFiles.Reader.Detect(path);
            var record = reader.Read(path, options.ReadOptions(parse));
            return InfoReport.From(path, record, reader.FormatName, PerLeadAnnotations(path, record));
        }));
        return command;
    }

    /// <summary>
    /// Counts of the annotation files named after the leads beside a WFDB header (LUDB's 1.i, 1.ii, …, 1.v6), by
    /// lead; empty for other records.
    /// </summary>
    private static Dictionary<string, int> PerLeadAnnotations(string path, EcgRecord record) =>
        path.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)
            ? WfdbDatabase.ReadLeadAnnotations(path, record.LeadNames).ToDictionary(lead => lead.Key, lead => lead.Value.Length, StringComparer.Ordinal)
            : [];
}
