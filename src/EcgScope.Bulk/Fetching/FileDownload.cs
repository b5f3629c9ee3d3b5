using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace EcgScope.Bulk.Fetching;

/// <summary>
/// One URL's download into its partial file, one attempt at a time. An attempt resumes from the partial file's
/// length with a Range request; a 200 (a server that ignores Range, or a changed file) starts the file again. The
/// attempt ends with the partial file complete and verified, or with an exception saying what went wrong.
/// </summary>
/// <param name="client">The client; its handler already retries failed responses (429, 5xx, refused connections).</param>
/// <param name="requestUrl">The URL to request, token included: never put it in a message.</param>
/// <param name="partialPath">The partial file, <c>DIR/.partial/NAME.part</c>.</param>
/// <param name="options">The read timeout and the retries the client's handler makes.</param>
internal sealed class FileDownload(HttpClient client, Uri requestUrl, string partialPath, FetchOptions options)
{
    private const int BufferSize = 81920;

    /// <summary>The attempts made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Downloads what the partial file lacks and verifies the whole; returns the file's SHA-256 and what it was checked against.</summary>
    public async Task<(byte[] Sha256, string VerifiedBy)> AttemptAsync(CancellationToken cancellationToken)
    {
        Attempts++;
        var offset = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
        var started = offset > 0 ? PartialState.Load(partialPath) : PartialState.Empty;
        using var request = new HttpRequestMessage(HttpMethod.Get, requestUrl);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            if (started.Validator is { } validator)
            {
                // Only resume if the file is still the one the partial bytes came from; otherwise the server sends it whole.
                request.Headers.IfRange = new RangeConditionHeaderValue(validator);
            }
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var append = StartingPoint(response, offset);
        var expected = ExpectedContent.Of(response);
        if (append)
        {
            // A 206's Content-MD5 covers only the range; the whole file's MD5 came with the response that started it.
            expected = expected with { Md5 = expected.Md5 ?? started.Md5Bytes };
        }
        else
        {
            new PartialState(response.Headers.ETag is { IsWeak: false } etag ? etag.ToString() : null, expected.Md5 is { } md5 ? ExpectedContent.Show(md5) : null).Save(partialPath);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await CopyAsync(body, append, cancellationToken).ConfigureAwait(false);
        }

        return await VerifyAsync(expected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the body continues the partial file (a matching 206) or replaces it (a 200).</summary>
    private bool StartingPoint(HttpResponseMessage response, long offset)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return false;
            case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange is { From: var from } && from == offset:
                return true;
            case HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable:
                // A range we did not ask for, or the partial file is as long as (or longer than) the file now is:
                // start again rather than guess.
                Discard();
                throw new DownloadException($"the server answered the resume request with HTTP {(int)response.StatusCode}; starting the file again", isTransient: true);
            default:
                var retried = options.MaxRetries > 0 && (int)response.StatusCode is 408 or 429 or >= 500;
                throw new DownloadException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(retried ? $" (still failing after {options.MaxRetries} retries)" : "")}", isTransient: false);
        }
    }

    /// <summary>Deletes the partial file and its state, so the next attempt starts the file again.</summary>
    private void Discard()
    {
        File.Delete(partialPath);
        PartialState.Delete(partialPath);
    }

    /// <summary>Copies the body to the partial file, failing with a <see cref="TimeoutException"/> when it stalls.</summary>
    private async Task CopyAsync(Stream body, bool append, CancellationToken cancellationToken)
    {
        // Unbuffered (each write is a whole socket read already): what arrived is in the file at once, for a resume.
        var file = new FileStream(partialPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                while (true)
                {
                    stall.CancelAfter(options.ReadTimeout);
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new TimeoutException($"the body stalled for {options.ReadTimeout.TotalSeconds:0.###} s after {ExpectedContent.Show(file.Length)} bytes");
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);

                // On disk before the rename, so that a power cut cannot leave a complete-looking name over lost bytes.
                file.Flush(flushToDisk: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Checks the whole partial file against <paramref name="expected"/>; a file that fails is deleted.</summary>
    private async Task<(byte[] Sha256, string VerifiedBy)> VerifyAsync(ExpectedContent expected, CancellationToken cancellationToken)
    {
        var length = new FileInfo(partialPath).Length;
        if (expected.Length is { } total && length != total)
        {
            // HttpClient already fails a body shorter than its Content-Length; this catches a resumed file whose parts disagree.
            Discard();
            throw new DownloadException($"the file has {ExpectedContent.Show(length)} bytes but the server announced {ExpectedContent.Show(total)}", isTransient: true);
        }

        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var file = new FileStream(partialPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int read;
                while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    md5.AppendData(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var actualMd5 = md5.GetHashAndReset();
        if (expected.Md5 is { } announced && !announced.AsSpan().SequenceEqual(actualMd5))
        {
            Discard();
            throw new DownloadException($"MD5 mismatch: the server announced {ExpectedContent.Show(announced)}, the bytes hash to {ExpectedContent.Show(actualMd5)}", isTransient: true);
        }

        PartialState.Delete(partialPath);
        return (sha256.GetHashAndReset(), expected.VerifiedBy);
    }
}
