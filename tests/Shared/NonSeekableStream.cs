namespace EcgScope.Testing;

/// <summary>
/// A read-only stream over bytes that cannot seek or tell its length, as a network upload or a decompressor, and that
/// returns at most <see cref="MaxChunk"/> bytes per read, so readers must cope with short reads.
/// </summary>
internal sealed class NonSeekableStream(byte[] content) : Stream
{
    public const int MaxChunk = 997;

    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, MaxChunk), content.Length - position);
        content.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
