using System.IO.Compression;
using EcgScope.Configuration;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Formats.Pdf;
using EcgScope.Imaging.Digitizing;

namespace EcgScope.Web.Uploads;

/// <summary>A record read from an upload, and what it was read as.</summary>
/// <param name="Record">The record.</param>
/// <param name="FileName">The file the record was read from (a zip's entry is named inside the zip).</param>
/// <param name="Format">The reader's format name.</param>
/// <param name="Bytes">The upload's size in bytes.</param>
/// <param name="Printout">For a printout image: what the digitizer found, and the traces over the printout as a PNG.</param>
public sealed record UploadedRecord(EcgRecord Record, string FileName, string Format, long Bytes, DigitizedUpload? Printout = null);

/// <summary>A printout image as digitized.</summary>
/// <param name="Printout">What the digitizer found, for the printout models; never kept whole.</param>
/// <param name="PreviewPng">The traced area of the printout with the digitized traces over it (no header: it names the patient); kept.</param>
/// <param name="Image">The image as sent, for the image models; never kept.</param>
public sealed record DigitizedUpload(DigitizedPrintout Printout, byte[] PreviewPng, byte[] Image)
{
    /// <summary>What the digitizer found, as the API prints it; kept.</summary>
    public DigitizationSummary Summary { get; } = DigitizationSummary.Of(Printout);
}

/// <summary>
/// Reads the record in an upload's saved files, recognising every format by its content: one file of any format, a
/// WFDB record as its .hea with its .dat (and annotations), or a zip holding one record, checked before anything is
/// expanded.
/// </summary>
public sealed class UploadedRecordReader(WebSettings options)
{
    private static readonly PrintoutImageReader Printouts = new();

    /// <summary>Every reader the command line has, the Apple Watch PDF and printout images included.</summary>
    public static EcgFileReader Readers { get; } = EcgFile.BuiltIn.With(new AppleEcgPdfReader()).With(Printouts);

    private static ReadOnlySpan<byte> ZipMark => "PK\x03\x04"u8;

    /// <summary>Reads the record in <paramref name="workspace"/>, giving up after the configured time.</summary>
    /// <exception cref="EcgFormatException">A reader refused the file (the message names file, line or byte, and why).</exception>
    /// <exception cref="UploadRejectedException">The files are not one record, or a zip is too large when expanded.</exception>
    public async Task<UploadedRecord> ReadAsync(UploadWorkspace workspace, EcgReadOptions readOptions, CancellationToken cancellationToken)
    {
        var bytes = workspace.Files.Sum(file => new FileInfo(file).Length);
        var read = Task.Run(() => Read(workspace, readOptions), cancellationToken);
        try
        {
            var (record, name, format, printout) = await read.WaitAsync(options.ReadTimeout, cancellationToken).ConfigureAwait(false);
            return new UploadedRecord(record, name, format, bytes, printout);
        }
        catch (TimeoutException)
        {
            throw new UploadRejectedException(
                $"{Path.GetFileName(workspace.Files[0])} took longer than {options.ReadTimeout.TotalSeconds:0} s to read and was refused; an ECG export reads in well under a second.",
                StatusCodes.Status422UnprocessableEntity);
        }
    }

    private (EcgRecord Record, string Name, string Format, DigitizedUpload? Printout) Read(UploadWorkspace workspace, EcgReadOptions readOptions)
    {
        if (workspace.Files.Count == 1 && IsZip(workspace.Files[0]))
        {
            return ReadZip(workspace.Files[0], readOptions);
        }

        // Read through the saved files' own names: errors name the file the person sent, never the private folder.
        var streams = workspace.Files.Select(file => new KeyValuePair<string, Stream>(Path.GetFileName(file), File.OpenRead(file))).ToList();
        try
        {
            var files = RecordFileSet.FromStreams(streams, options.MaxFileBytes);
            var source = files.Open(PrimaryFile([.. streams.Select(stream => stream.Key)]));
            return ReadRecord(source, source.Name, readOptions);
        }
        finally
        {
            streams.ForEach(stream => stream.Value.Dispose());
        }
    }

    /// <summary>The record in <paramref name="source"/>, shown as <paramref name="name"/>; a printout image also with its traces drawn over it for the page.</summary>
    private static (EcgRecord Record, string Name, string Format, DigitizedUpload? Printout) ReadRecord(EcgSource source, string name, EcgReadOptions readOptions)
    {
        var reader = Readers.Detect(source);
        if (reader != Printouts)
        {
            return (reader.Read(source, readOptions), name, reader.FormatName, null);
        }

        // One decoding serves the digitizer and the preview; the printout models decode the bytes again when they run.
        var encoded = source.ReadAllBytes().ToArray();
        using var image = PrintoutDigitizer.Decode(encoded, source.Name);
        var printout = Printouts.ReadPrintout(image, source.Name);
        return (printout.Record, name, Printouts.FormatName, new DigitizedUpload(printout, PrintoutPreview.DrawPng(image, printout), encoded));
    }

    private (EcgRecord Record, string Name, string Format, DigitizedUpload? Printout) ReadZip(string path, EcgReadOptions readOptions)
    {
        using var zip = OpenZip(path);
        var entries = zip.Entries.Where(entry => entry.Name.Length > 0).ToList();
        if (entries.Count > options.MaxZipEntries)
        {
            throw new UploadRejectedException($"{Path.GetFileName(path)} holds {entries.Count} files; a zip of one record holds at most {options.MaxZipEntries}.");
        }

        // The sizes a zip declares are checked before expanding; RecordFileSet also stops at the declared size.
        var expanded = entries.Sum(entry => entry.Length);
        if (expanded > options.MaxZipExpandedBytes)
        {
            throw new UploadRejectedException(
                $"{Path.GetFileName(path)} would expand to {expanded >> 20} MiB; at most {options.MaxZipExpandedBytes >> 20} MiB is accepted.", StatusCodes.Status413PayloadTooLarge);
        }

        var files = RecordFileSet.FromZip(zip, options.MaxFileBytes);
        var name = PrimaryFile([.. entries.Select(entry => entry.FullName)]);
        return ReadRecord(files.Open(name), $"{Path.GetFileName(path)}/{name}", readOptions);
    }

    private static ZipArchive OpenZip(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException exception)
        {
            throw new EcgFormatException(Path.GetFileName(path), $"not a readable zip archive: {exception.Message}");
        }
    }

    /// <summary>The file to read: the only one, or the record's header among a WFDB record's files.</summary>
    private static string PrimaryFile(List<string> files)
    {
        if (files.Count == 1)
        {
            return files[0];
        }

        var headers = files.Where(file => file.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)).ToList();
        return headers.Count == 1
            ? headers[0]
            : throw new UploadRejectedException(
                $"{files.Count} files were given ({string.Join(", ", files)}) and {(headers.Count == 0 ? "none" : "more than one")} is a WFDB header (.hea); "
                + "send one file, or one WFDB record's .hea with its .dat.");
    }

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(ZipMark);
    }
}
