namespace EcgScope.Web.Uploads;

/// <summary>An upload refused before any reader saw it (too big, too many files, a zip bomb), with the reason for a person.</summary>
/// <param name="message">What was wrong and what is accepted.</param>
/// <param name="statusCode">The HTTP status that says it (413 for size, 400 otherwise).</param>
public sealed class UploadRejectedException(string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    /// <summary>The HTTP status for the refusal.</summary>
    public int StatusCode { get; } = statusCode;
}
