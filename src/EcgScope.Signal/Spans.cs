namespace EcgScope.Signal;

/// <summary>Argument checks shared by the span-based functions.</summary>
internal static class Spans
{
    /// <summary>Throws unless <paramref name="output"/> is as long as <paramref name="input"/>.</summary>
    public static void RequireSameLength(ReadOnlySpan<double> input, Span<double> output)
    {
        if (input.Length != output.Length)
        {
            throw new ArgumentException($"Output has {output.Length} samples, input {input.Length}.", nameof(output));
        }
    }
}
