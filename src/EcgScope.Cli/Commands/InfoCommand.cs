using System.CommandLine;

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
            return InfoReport.From(path, reader.Read(path, options.ReadOptions(parse)), reader.FormatName);
        }));
        return command;
    }
}
