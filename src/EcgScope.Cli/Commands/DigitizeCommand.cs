using System.CommandLine;
using System.Text;
using EcgScope.Formats.Wfdb;
using EcgScope.Imaging.Digitizing;
using OpenCvSharp;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope digitize IMAGE [--out DIR]</c>: a printout image back into a record, written as WFDB with an overlay.</summary>
internal static class DigitizeCommand
{
    public static Command Create()
    {
        var image = new Argument<FileInfo>("image") { Description = "A picture of a 12-lead printout (PNG or JPEG): a scan, a photo or a screenshot." };
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Folder for the WFDB record (.hea, .dat) and the overlay PNG. Default: the current folder.",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var options = new CommonOptions();
        var command = new Command("digitize", "Turn a printout image back into a 12-lead record: write it as WFDB with an overlay of the traces found.") { image, output };
        command.Add(options.Format);
        command.SetAction(parse => CommandRunner.Run(parse, parse.GetValue(options.Format), () =>
        {
            var path = parse.GetRequiredValue(image).FullName;
            var folder = parse.GetRequiredValue(output);
            var bytes = File.ReadAllBytes(path);
            var printout = PrintoutDigitizer.Digitize(bytes, path);
            folder.Create();
            var name = RecordName(path);
            var header = Path.Combine(folder.FullName, name + ".hea");
            WfdbWriter.Write(printout.Record, header);
            var overlay = Path.Combine(folder.FullName, name + ".overlay.png");
            using (var decoded = Cv2.ImDecode(bytes, ImreadModes.Color))
            {
                File.WriteAllBytes(overlay, PrintoutOverlay.DrawPng(decoded, printout));
            }

            return DigitizeReport.From(path, header, overlay, printout);
        }));
        return command;
    }

    /// <summary>The image's file name as a WFDB record name: no whitespace, nothing but letters, digits, '-' and '_'.</summary>
    private static string RecordName(string path)
    {
        var name = new StringBuilder();
        foreach (var character in Path.GetFileNameWithoutExtension(path))
        {
            name.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '_');
        }

        return name.Length == 0 ? "printout" : name.ToString();
    }
}
