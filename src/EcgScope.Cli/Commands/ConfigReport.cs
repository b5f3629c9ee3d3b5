using System.Globalization;
using EcgScope.Configuration;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope config show</c> prints.</summary>
/// <param name="File">The configuration file read, or null when none was.</param>
/// <param name="Settings">Every setting, sorted by key.</param>
internal sealed record ConfigReport(string? File, IReadOnlyList<EffectiveSetting> Settings) : ITextReport
{
    public void WriteText(TextWriter writer)
    {
        writer.WriteLine(File is null ? "no configuration file (defaults, ECGSCOPE__ variables and flags)" : $"configuration file {File}");
        var width = Settings.Max(setting => setting.Key.Length);
        foreach (var setting in Settings)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {setting.Key.PadRight(width)}  {(setting.Value.Length == 0 ? "(none)" : setting.Value)}  ({setting.Source})"));
        }
    }
}
