namespace EcgScope.Bulk.Fetching;

/// <summary>
/// A shared-access token in query-string form (Azure's <c>sv=…&amp;sig=…</c>, with or without a leading <c>?</c>),
/// appended to each URL's own query. It is a secret: <see cref="ToString"/> never shows it and
/// <see cref="Redact"/> removes it from any text before that text is printed, logged or stored.
/// </summary>
public sealed class SasToken
{
    private const string Mask = "***";
    private readonly string query;
    private readonly string[] secrets;

    /// <summary>Wraps <paramref name="token"/> as given (already URL-encoded, as storage portals hand it out).</summary>
    /// <exception cref="ArgumentException">The token is empty or holds a fragment or whitespace.</exception>
    public SasToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        query = token.Trim().TrimStart('?').TrimEnd('&');
        if (query.Length == 0 || query.Any(c => c == '#' || char.IsWhiteSpace(c)))
        {
            // The message must not echo the token.
            throw new ArgumentException("The token is empty or holds '#' or whitespace; give the query part only (sv=...&sig=...).", nameof(token));
        }

        // Every parameter value long enough to be told apart from ordinary text, escaped and unescaped, longest
        // first so that a value containing another is masked whole.
        secrets = [.. query.Split('&')
            .Select(parameter => parameter[(parameter.IndexOf('=', StringComparison.Ordinal) + 1)..])
            .Where(value => value.Length >= 4)
            .SelectMany(value => new[] { value, Uri.UnescapeDataString(value) })
            .Prepend(query)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)];
    }

    /// <summary>
    /// <paramref name="url"/> with the token added to its query (after <c>&amp;</c> when it has one); the fragment,
    /// which HTTP never sends, is dropped. Escaped characters of the URL stay as they are.
    /// </summary>
    public Uri AppendTo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var existing = url.Query.TrimStart('?').TrimEnd('&');
        var combined = existing.Length == 0 ? query : $"{existing}&{query}";
        return new Uri($"{url.GetLeftPart(UriPartial.Path)}?{combined}");
    }

    /// <summary><paramref name="text"/> with the token and each of its values replaced by <c>***</c>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return secrets.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));
    }

    /// <summary>Never the token itself, so that printing an options object cannot leak it.</summary>
    public override string ToString() => Mask;
}
