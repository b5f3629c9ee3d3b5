using System.Buffers.Binary;
using System.Text;

namespace EcgScope.Formats.Tests.Mat;

/// <summary>Builds Level 4 MAT-files byte by byte, independently of the library's reader.</summary>
internal static class MatFiles
{
    /// <summary>
    /// One matrix: header (type MOPT, rows, columns, imagf, name length), NUL-terminated name, values column-major;
    /// <paramref name="precision"/> is the type's P digit (0 double ... 5 uint8).
    /// </summary>
    public static byte[] Matrix(bool bigEndian, int precision, string name, int rows, int columns, double[] values)
    {
        var bytes = new List<byte>();
        void Int32(int v)
        {
            var b = new byte[4];
            if (bigEndian) BinaryPrimitives.WriteInt32BigEndian(b, v); else BinaryPrimitives.WriteInt32LittleEndian(b, v);
            bytes.AddRange(b);
        }

        Int32((bigEndian ? 1000 : 0) + (precision * 10));
        Int32(rows);
        Int32(columns);
        Int32(0);
        Int32(name.Length + 1);
        bytes.AddRange(Encoding.ASCII.GetBytes(name + "\0"));
        foreach (var v in values)
        {
            var b = new byte[precision switch { 0 => 8, 1 or 2 => 4, 3 or 4 => 2, _ => 1 }];
            switch (precision)
            {
                case 0: BinaryPrimitives.WriteInt64LittleEndian(b, BitConverter.DoubleToInt64Bits(v)); break;
                case 1: BinaryPrimitives.WriteInt32LittleEndian(b, BitConverter.SingleToInt32Bits((float)v)); break;
                case 2: BinaryPrimitives.WriteInt32LittleEndian(b, (int)v); break;
                case 3: BinaryPrimitives.WriteInt16LittleEndian(b, (short)v); break;
                case 4: BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); break;
                default: b[0] = (byte)v; break;
            }

            if (bigEndian)
            {
                Array.Reverse(b);
            }

            bytes.AddRange(b);
        }

        return [.. bytes];
    }
}
