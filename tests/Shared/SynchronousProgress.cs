namespace EcgScope.Testing;

/// <summary>Reports on the calling thread, so a test sees every report in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
