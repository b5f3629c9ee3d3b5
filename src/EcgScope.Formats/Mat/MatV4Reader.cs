using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats.Mat;

/// <summary>One matrix of a MATLAB v4 MAT-file: its name, shape and real values in column-major order.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
/// <param name="DataType">How the values were stored.</param>
/// <param name="Values">Rows × Columns values, column by column (element (r, c) at c × Rows + r).</param>
public sealed record MatV4Matrix(string Name, int Rows, int Columns, MatV4DataType DataType, double[] Values)
{
    /// <summary>The value at row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public double this[int row, int column] => Values[(column * Rows) + row];
}

/// <summary>The "P" digit of a MAT v4 type: how each element is stored.</summary>
public enum MatV4DataType
{
    /// <summary>64-bit IEEE double.</summary>
    DoublePrecision = 0,
    /// <summary>32-bit IEEE single.</summary>
    SinglePrecision = 1,
    /// <summary>Signed 32-bit integer.</summary>
    Signed32Bit = 2,
    /// <summary>Signed 16-bit integer.</summary>
    Signed16Bit = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    Unsigned16Bit = 4,
    /// <summary>Unsigned 8-bit integer.</summary>
    Unsigned8Bit = 5,
}

/// <summary>
/// Reads Level 4 MAT-files as documented in MathWorks' "MAT-File Format" (Level 4 MAT-files chapter): a sequence of
/// matrices, each a 20-byte header of five 32-bit integers (type MOPT, rows, columns, imaginary flag, name length),
/// the NUL-terminated name and the real (then imaginary) values column by column. The type's decimal digits are
/// M (byte order: 0 little-endian IEEE, 1 big-endian IEEE), O (0), P (<see cref="MatV4DataType"/>) and T (0 for a
/// full numeric matrix, 1 text, 2 sparse).
/// </summary>
public static class MatV4Reader
{
    private const int HeaderLength = 20;
    private const int MaxNameLength = 4096;

    /// <summary>Whether <paramref name="head"/> starts like a MATLAB 5 or later MAT-file (a text header "MATLAB ...").</summary>
    public static bool IsLevel5OrLater(ReadOnlySpan<byte> head) => head.StartsWith("MATLAB "u8);

    /// <summary>Whether <paramref name="head"/> starts with a plausible Level 4 matrix header.</summary>
    public static bool LooksLikeLevel4(ReadOnlySpan<byte> head) =>
        head.Length >= HeaderLength && TryReadHeader(head, out var header) && header.Type is { Text: 0 or 1 };

    /// <summary>Reads every matrix of the file at <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">The file is not a valid Level 4 MAT-file.</exception>
    public static ImmutableArray<MatV4Matrix> Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Reads every matrix in <paramref name="data"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EcgFormatException">The data is not a valid Level 4 MAT-file.</exception>
    public static ImmutableArray<MatV4Matrix> Read(ReadOnlySpan<byte> data, string source)
    {
        if (IsLevel5OrLater(data))
        {
            var text = Encoding.ASCII.GetString(data[..Math.Min(data.Length, 20)]).Split(',')[0];
            throw new EcgFormatException(source, $"this is a MATLAB 5 or later MAT-file (\"{text}\"); only Level 4 MAT-files are supported (save with -v4)");
        }

        var matrices = ImmutableArray.CreateBuilder<MatV4Matrix>();
        var offset = 0;
        while (offset < data.Length)
        {
            matrices.Add(ReadMatrix(data, ref offset, source));
        }

        if (matrices.Count == 0)
        {
            throw new EcgFormatException(source, "the MAT-file is empty", byteOffset: 0);
        }

        return matrices.DrainToImmutable();
    }

    private static MatV4Matrix ReadMatrix(ReadOnlySpan<byte> data, ref int offset, string source)
    {
        var start = offset;
        if (data.Length - offset < HeaderLength)
        {
            throw new EcgFormatException(source, "the matrix header is cut off", byteOffset: start);
        }

        if (!TryReadHeader(data[offset..], out var header))
        {
            throw new EcgFormatException(source, "not a Level 4 MAT matrix header (bad type, shape, flag or name length)", byteOffset: start);
        }

        if (header.Type.Text != 0)
        {
            throw new EcgFormatException(source, $"matrix type {header.Type.Code} is not a full numeric matrix (text and sparse matrices are not supported)", byteOffset: start);
        }

        offset += HeaderLength;
        if (data.Length - offset < header.NameLength)
        {
            throw new EcgFormatException(source, "the matrix name is cut off", byteOffset: offset);
        }

        var nameBytes = data.Slice(offset, header.NameLength);
        if (nameBytes[^1] != 0)
        {
            throw new EcgFormatException(source, "the matrix name is not NUL-terminated", byteOffset: offset);
        }

        var name = Encoding.ASCII.GetString(nameBytes[..^1]);
        offset += header.NameLength;
        var count = (long)header.Rows * header.Columns;
        var elementSize = ElementSize(header.Type.DataType);
        var byteCount = count * elementSize * (header.Imaginary ? 2 : 1);
        if (count > Array.MaxLength || data.Length - offset < byteCount)
        {
            throw new EcgFormatException(
                source, $"matrix '{name}' ({header.Rows} x {header.Columns}) needs {byteCount} bytes of data but the file has {data.Length - offset}", byteOffset: offset);
        }

        if (header.Imaginary)
        {
            throw new EcgFormatException(source, $"matrix '{name}' is complex; only real matrices are supported", byteOffset: start);
        }

        var values = new double[count];
        Decode(data.Slice(offset, (int)byteCount), header.Type.DataType, header.Type.BigEndian, values);
        offset += (int)byteCount;
        return new MatV4Matrix(name, header.Rows, header.Columns, header.Type.DataType, values);
    }

    // One loop per element type, so the type test is not repeated for every sample.
    private static void Decode(ReadOnlySpan<byte> data, MatV4DataType type, bool bigEndian, Span<double> values)
    {
        switch (type)
        {
            case MatV4DataType.DoublePrecision:
                for (var i = 0; i < values.Length; i++)
                {
                    var slice = data[(8 * i)..];
                    values[i] = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(slice) : BinaryPrimitives.ReadDoubleLittleEndian(slice);
                }

                break;
            case MatV4DataType.SinglePrecision:
                for (var i = 0; i < values.Length; i++)
                {
                    var slice = data[(4 * i)..];
                    values[i] = bigEndian ? BinaryPrimitives.ReadSingleBigEndian(slice) : BinaryPrimitives.ReadSingleLittleEndian(slice);
                }

                break;
            case MatV4DataType.Signed32Bit:
                for (var i = 0; i < values.Length; i++)
                {
                    var slice = data[(4 * i)..];
                    values[i] = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(slice) : BinaryPrimitives.ReadInt32LittleEndian(slice);
                }

                break;
            case MatV4DataType.Signed16Bit:
                for (var i = 0; i < values.Length; i++)
                {
                    var slice = data[(2 * i)..];
                    values[i] = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(slice) : BinaryPrimitives.ReadInt16LittleEndian(slice);
                }

                break;
            case MatV4DataType.Unsigned16Bit:
                for (var i = 0; i < values.Length; i++)
                {
                    var slice = data[(2 * i)..];
                    values[i] = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(slice) : BinaryPrimitives.ReadUInt16LittleEndian(slice);
                }

                break;
            default:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = data[i];
                }

                break;
        }
    }

    private static int ElementSize(MatV4DataType type) => type switch
    {
        MatV4DataType.DoublePrecision => 8,
        MatV4DataType.SinglePrecision or MatV4DataType.Signed32Bit => 4,
        MatV4DataType.Signed16Bit or MatV4DataType.Unsigned16Bit => 2,
        _ => 1,
    };

    // The byte order is not stored apart from the type's M digit, so try little-endian (M = 0) and big-endian (M = 1).
    private static bool TryReadHeader(ReadOnlySpan<byte> head, out MatrixHeader header)
    {
        for (var bigEndian = 0; bigEndian < 2; bigEndian++)
        {
            var fields = new int[5];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = bigEndian == 1 ? BinaryPrimitives.ReadInt32BigEndian(head[(4 * i)..]) : BinaryPrimitives.ReadInt32LittleEndian(head[(4 * i)..]);
            }

            var type = MatrixType.TryParse(fields[0]);
            if (type is not null && type.BigEndian == (bigEndian == 1) && fields[1] >= 0 && fields[2] >= 0 && fields[3] is 0 or 1
                && fields[4] is >= 1 and <= MaxNameLength)
            {
                header = new MatrixHeader(type, fields[1], fields[2], fields[3] == 1, fields[4]);
                return true;
            }
        }

        header = default;
        return false;
    }

    private readonly record struct MatrixHeader(MatrixType Type, int Rows, int Columns, bool Imaginary, int NameLength);

    private sealed record MatrixType(int Code, bool BigEndian, MatV4DataType DataType, int Text)
    {
        // MOPT as a decimal number: M in 0..1 (IEEE byte orders; VAX and Cray are not supported), O = 0, P in 0..5, T in 0..2.
        public static MatrixType? TryParse(int code)
        {
            if (code is < 0 or > 1052)
            {
                return null;
            }

            int m = code / 1000, o = code / 100 % 10, p = code / 10 % 10, t = code % 10;
            return o == 0 && p <= 5 && t <= 2 && m <= 1 ? new MatrixType(code, m == 1, (MatV4DataType)p, t) : null;
        }
    }
}
