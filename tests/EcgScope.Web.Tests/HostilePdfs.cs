using System.IO.Compression;
using System.Text;

namespace EcgScope.Web.Tests;

/// <summary>PDFs made to hurt a parser: a stream that expands a thousandfold, and objects nested deeper than any document needs.</summary>
internal static class HostilePdfs
{
    /// <summary>One page whose content stream is 200 MiB of spaces, about 200 KiB compressed.</summary>
    public static byte[] Bomb()
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 200; i++)
            {
                zlib.Write(spaces);
            }
        }

        return Document(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            compressed.ToArray());
    }

    /// <summary>A catalog holding arrays nested 100,000 deep.</summary>
    public static byte[] DeeplyNested() => Document(
        "<< /Type /Catalog /Pages 2 0 R /Deep " + new string('[', 100_000) + new string(']', 100_000) + " >>",
        "<< /Type /Pages /Kids [] /Count 0 >>");

    private static byte[] Document(params object[] objects)
    {
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Text(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Text("%PDF-1.4\n");
        foreach (var content in objects)
        {
            offsets.Add(output.Position);
            Text($"{offsets.Count} 0 obj\n");
            if (content is byte[] stream)
            {
                Text($"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n");
                output.Write(stream);
                Text("\nendstream");
            }
            else
            {
                Text((string)content);
            }

            Text("\nendobj\n");
        }

        var xref = output.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Text($"{offset:D10} 00000 n \n");
        }

        Text($"trailer\n<< /Root 1 0 R /Size {offsets.Count + 1} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }
}
