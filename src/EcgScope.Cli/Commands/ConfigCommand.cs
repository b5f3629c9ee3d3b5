using System.CommandLine;
using EcgScope.Configuration;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope config show</c>: every effective setting, where it came from, secrets masked.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var settings = new CliSettings();
        var format = new CommonOptions().Format;
        var show = new Command("show", "Print every effective setting and where it came from (default, file, environment, flag); secrets are masked.") { format };
        settings.AddTo(show);
        show.SetAction((parse, _) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var (effective, root) = settings.Load(parse);
            return new ConfigReport(parse.GetValue(settings.File)?.FullName ?? EcgScopeConfiguration.DefaultFile, EffectiveSettings.List(effective, root));
        })));
        return new Command("config", "EcgScope's configuration: ecgscope.json, then ECGSCOPE__ environment variables, then flags.") { show };
    }
}
