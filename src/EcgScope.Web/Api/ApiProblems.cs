using EcgScope.Core;
using EcgScope.Web.Analyses;
using EcgScope.Web.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcgScope.Web.Api;

/// <summary>Every refusal as an RFC 9457 problem: the reader's message with its file, line and byte offset, never a stack trace.</summary>
public static class ApiProblems
{
    /// <summary>The problem for <paramref name="exception"/>, or null when it is not a refusal the API explains (then it is a fault: 500).</summary>
    public static ProblemHttpResult? For(Exception exception) => exception switch
    {
        EcgFormatException format => TypedResults.Problem(
            title: "The file could not be read as an ECG.",
            detail: format.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["file"] = format.Source,
                ["reason"] = format.Reason,
                ["line"] = format.Line,
                ["byteOffset"] = format.ByteOffset,
            }),
        UploadRejectedException rejected => TypedResults.Problem(title: "The upload was refused.", detail: rejected.Message, statusCode: rejected.StatusCode),
        AnalysisUnavailableException unavailable => TypedResults.Problem(
            title: "The analysis is unavailable.", detail: unavailable.Message, statusCode: StatusCodes.Status503ServiceUnavailable),
        BadHttpRequestException request => TypedResults.Problem(title: "The request was refused.", detail: request.Message, statusCode: request.StatusCode),
        _ => null,
    };

    /// <summary>404 for an analysis the history does not have.</summary>
    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "No such analysis.", detail: $"The history has no analysis '{id}' (it may have been deleted).", statusCode: StatusCodes.Status404NotFound);

    /// <summary>An endpoint filter that turns the refusals above into problems.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (For(exception) is { } problem)
        {
            return problem;
        }
    }
}
