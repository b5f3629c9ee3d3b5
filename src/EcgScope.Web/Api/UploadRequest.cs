namespace EcgScope.Web.Api;

/// <summary>
/// The parts of an upload (<c>POST /api/analyses</c>, multipart) as the OpenAPI document describes them: an object of
/// named parts, which clients and the API reference can build requests from (a bare list of files names no field).
/// The endpoint reads the form itself (<see cref="Uploads.UploadForm"/>), so that a part it cannot use is a problem
/// naming the field.
/// </summary>
public sealed class UploadRequest
{
    /// <summary>A file of any supported format; repeat the part for a WFDB record's .hea and .dat.</summary>
    public required IFormFile File { get; init; }

    /// <summary>appleWatch, samsung, kardia or other (optional).</summary>
    public string? DeviceType { get; init; }

    /// <summary>The sampling rate in Hz, for files that do not state it (optional).</summary>
    public double? SamplingRateHz { get; init; }

    /// <summary>mV, uV or V, for files that do not state it (optional).</summary>
    public string? Unit { get; init; }

    /// <summary>A model to run; repeat the part for several (optional; default: all, see <c>/api/models</c>).</summary>
    public string? Model { get; init; }
}
