namespace EcgScope.Signal.Features;

/// <summary>
/// Writes a group's feature values in the order of its names, naming each value where it is written so that the list
/// of names and the code that measures them cannot drift apart: a name out of order is a programming error.
/// Values not written (a group that stops early because a measure is undefined) stay NaN.
/// </summary>
internal ref struct FeatureWriter
{
    private readonly ReadOnlySpan<string> _names;
    private readonly Span<double> _output;
    private int _next;

    /// <summary>A writer over <paramref name="output"/> (as long as <paramref name="names"/>), which it fills with NaN.</summary>
    public FeatureWriter(ReadOnlySpan<string> names, Span<double> output)
    {
        if (names.Length != output.Length)
        {
            throw new ArgumentException($"{names.Length} feature names but room for {output.Length} values.", nameof(output));
        }

        _names = names;
        _output = output;
        output.Fill(double.NaN);
    }

    /// <summary>Writes the next feature, which must be <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The next feature has another name.</exception>
    public void Write(string name, double value)
    {
        if (_next >= _names.Length || !string.Equals(_names[_next], name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Feature '{name}' written where '{(_next < _names.Length ? _names[_next] : "(end)")}' belongs.");
        }

        _output[_next++] = value;
    }
}
