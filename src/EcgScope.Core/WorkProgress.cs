namespace EcgScope.Core;

/// <summary>How far a long piece of work has come, for <see cref="IProgress{T}"/> reporting.</summary>
/// <param name="Completed">Items finished so far.</param>
/// <param name="Total">Items in all.</param>
/// <param name="CurrentItem">What is being worked on now (a record name, a lead), if anything.</param>
public readonly record struct WorkProgress(int Completed, int Total, string? CurrentItem = null)
{
    /// <summary>The finished fraction, 0 to 1.</summary>
    public double Fraction => Total <= 0 ? 1.0 : Math.Clamp((double)Completed / Total, 0.0, 1.0);
}
