using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// Reads any ECG file this assembly supports, choosing the reader by the file's content. Apple Health ECG PDFs are
/// read by EcgScope.Formats.Pdf: <c>EcgFile.BuiltIn.With(new AppleEcgPdfReader()).Read(path)</c>. Streams (an upload,
/// an archive entry) are read as files are, named in errors by the name given: see <see cref="EcgSource"/>.
/// </summary>
public static class EcgFile
{
    /// <summary>The readers of this assembly, most specific first: a generic text reader must come after the formats it could mistake.</summary>
    public static IReadOnlyList<IEcgFormatReader> Readers { get; } =
    [
        new Wfdb.WfdbReader(),
        new Mat.MatReader(),
        new Edf.EdfReader(),
        new Kardia.KardiaReader(),
        new AppleHealth.AppleHealthCsvReader(),
        new Withings.WithingsEcgCsvReader(),
        new Csv.CsvEcgReader(),
    ];

    /// <summary>An <see cref="EcgFileReader"/> over <see cref="Readers"/>; <see cref="EcgFileReader.With"/> adds formats from other assemblies.</summary>
    public static EcgFileReader BuiltIn { get; } = new(Readers);

    /// <summary>Reads <paramref name="path"/> with the first built-in reader that recognises it.</summary>
    /// <exception cref="EcgFormatException">The file is not a supported format, or is malformed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a folder.</exception>
    public static EcgRecord Read(string path, EcgReadOptions? options = null) => BuiltIn.Read(path, options);

    /// <summary>
    /// Reads <paramref name="stream"/> (it need not seek; at most <see cref="EcgSource.DefaultMaxStreamBytes"/>) with the
    /// first built-in reader that recognises it; <paramref name="name"/> (an upload's file name) names it in errors.
    /// </summary>
    /// <exception cref="EcgFormatException">The content is not a supported format, is malformed, or is longer than the limit.</exception>
    public static EcgRecord Read(Stream stream, string name, EcgReadOptions? options = null) => BuiltIn.Read(stream, name, options);

    /// <summary>Reads <paramref name="source"/> (a file, a stream, a file of a <see cref="RecordFileSet"/>) with the first built-in reader that recognises it.</summary>
    /// <exception cref="EcgFormatException">The content is not a supported format, or is malformed.</exception>
    public static EcgRecord Read(EcgSource source, EcgReadOptions? options = null) => BuiltIn.Read(source, options);

    /// <summary>The built-in reader that recognises <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">No built-in reader recognises the file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a folder.</exception>
    public static IEcgFormatReader Detect(string path) => BuiltIn.Detect(path);

    /// <summary>The built-in reader that recognises <paramref name="source"/>.</summary>
    /// <exception cref="EcgFormatException">No built-in reader recognises the content.</exception>
    public static IEcgFormatReader Detect(EcgSource source) => BuiltIn.Detect(source);
}
