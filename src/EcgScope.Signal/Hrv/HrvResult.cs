namespace EcgScope.Signal.Hrv;

/// <summary>
/// A measure set that is either computed (<see cref="Value"/>) or honestly unavailable, with the reason (for
/// example "needs at least 120 s of NN intervals for LF power (Task Force 1996), got 45.2 s").
/// </summary>
/// <typeparam name="T">The measure set.</typeparam>
public sealed record HrvResult<T>
    where T : class
{
    internal HrvResult(T? value, string? unavailableReason)
    {
        Value = value;
        UnavailableReason = unavailableReason;
    }

    /// <summary>The measures, or null when they could not be computed.</summary>
    public T? Value { get; }

    /// <summary>Why <see cref="Value"/> is null; null when it is available.</summary>
    public string? UnavailableReason { get; }

    /// <summary>Whether <see cref="Value"/> was computed.</summary>
    public bool IsAvailable => Value is not null;
}

/// <summary>Creates <see cref="HrvResult{T}"/> values.</summary>
public static class HrvResult
{
    /// <summary>A computed result.</summary>
    public static HrvResult<T> Available<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A result that could not be computed, with the reason.</summary>
    public static HrvResult<T> Unavailable<T>(string reason)
        where T : class => new(null, reason);
}
