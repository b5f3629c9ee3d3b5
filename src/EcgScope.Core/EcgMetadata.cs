using System.Collections.Immutable;

namespace EcgScope.Core;

/// <summary>What a source says about a recording besides its samples.</summary>
public sealed record EcgMetadata
{
    /// <summary>No metadata.</summary>
    public static EcgMetadata Empty { get; } = new();

    /// <summary>The format the record was read from, for example "WFDB" or "Apple Health CSV".</summary>
    public string? SourceFormat { get; init; }

    /// <summary>The recording device as the source names it, for example "Watch7,2".</summary>
    public string? Device { get; init; }

    /// <summary>Software or firmware versions the source reports.</summary>
    public string? Software { get; init; }

    /// <summary>The classification the recording device itself reported (for example Apple's "Sinus Rhythm").</summary>
    public string? DeviceClassification { get; init; }

    /// <summary>The average heart rate the device itself reported, in beats per minute.</summary>
    public double? DeviceHeartRateBpm { get; init; }

    /// <summary>Free-text comments (WFDB header comments, EDF annotations text, symptoms).</summary>
    public ImmutableArray<string> Comments { get; init; } = [];

    /// <summary>Any other named value the source carries, keyed by the source's own name.</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;
}
