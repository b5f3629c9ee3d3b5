using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>Reads any supported ECG file, choosing the reader by the file's content.</summary>
public static class EcgFile
{
    private const int HeadLength = 4096;

    /// <summary>All readers, most specific first: a generic text reader must come after the formats it could mistake.</summary>
    public static IReadOnlyList<IEcgFormatReader> Readers { get; } =
    [
        new Wfdb.WfdbReader(),
        new Mat.MatReader(),
        new Edf.EdfReader(),
        new Kardia.KardiaReader(),
        new AppleHealth.Pdf.AppleEcgPdfReader(),
        new AppleHealth.AppleHealthCsvReader(),
        new Csv.CsvEcgReader(),
    ];

    /// <summary>Reads <paramref name="path"/> with the first reader that recognises it.</summary>
    /// <exception cref="EcgFormatException">The file is not a supported format, or is malformed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a folder.</exception>
    public static EcgRecord Read(string path, EcgReadOptions? options = null) =>
        Detect(path).Read(path, options ?? EcgReadOptions.Default);

    /// <summary>The reader that recognises <paramref name="path"/>.</summary>
    public static IEcgFormatReader Detect(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path} is a folder, not a file.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        Span<byte> head = stackalloc byte[HeadLength];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        }

        var content = head[..length];
        foreach (var reader in Readers)
        {
            if (reader.CanRead(path, content))
            {
                return reader;
            }
        }

        throw new EcgFormatException(path, "not a supported ECG format (WFDB, MATLAB v4 .mat, EDF/EDF+, Kardia .atc, Apple Health CSV or PDF, CSV/TSV).");
    }
}
