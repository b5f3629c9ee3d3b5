using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// The base of EcgScope's readers: a reader parses an <see cref="EcgSource"/>, and reading a path is reading that
/// file's source, so the path members are written once, here.
/// </summary>
public abstract class EcgFormatReader : IEcgFormatReader
{
    /// <inheritdoc />
    public abstract string FormatName { get; }

    /// <inheritdoc />
    public abstract bool CanRead(EcgSource source, ReadOnlySpan<byte> head);

    /// <inheritdoc />
    public abstract EcgRecord Read(EcgSource source, EcgReadOptions options);

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) => CanRead(EcgSource.FromFile(path), head);

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public EcgRecord Read(string path, EcgReadOptions options) =>
        File.Exists(path) ? Read(EcgSource.FromFile(path), options) : throw new FileNotFoundException($"{path}: no such file.", path);
}
