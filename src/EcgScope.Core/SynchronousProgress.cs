namespace EcgScope.Core;

/// <summary>
/// Reports on the calling thread, in order. <see cref="Progress{T}"/> posts each report to the thread pool, so a
/// progress bar lags and a caller collecting reports may see them late or out of order.
/// </summary>
/// <typeparam name="T">What is reported, usually <see cref="WorkProgress"/>.</typeparam>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
