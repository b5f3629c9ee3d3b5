using System.Net.Http.Headers;
using System.Text.Json;
using EcgScope.Configuration;

namespace EcgScope.Web.LanguageModel;

/// <summary>The language model's answer, or why there is none.</summary>
/// <param name="Text">The answer, when there is one.</param>
/// <param name="Error">What went wrong, for a person, when there is none.</param>
public sealed record LanguageModelAnswer(string? Text, string? Error);

/// <summary>Sends an <see cref="ChatRequest"/> to the configured OpenAI-compatible endpoint; only when a person asks.</summary>
public sealed class LanguageModelClient(HttpClient http, LanguageModelSettings options)
{
    /// <summary>The settings.</summary>
    public LanguageModelSettings Options => options;

    /// <summary>The address the request goes to.</summary>
    public Uri ChatAddress => new(Options.Endpoint!.ToString().TrimEnd('/') + "/chat/completions");

    /// <summary>Posts <paramref name="request"/> and reads the first choice's message.</summary>
    public async Task<LanguageModelAnswer> AskAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (!Options.IsEnabled)
        {
            return new LanguageModelAnswer(null, "No language model endpoint is configured.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, ChatAddress) { Content = JsonContent.Create(request) };
        if (Options.ApiKey is { Length: > 0 } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new LanguageModelAnswer(null, $"The language model endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
            return body.RootElement.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
                && choices[0].TryGetProperty("message", out var reply) && reply.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? new LanguageModelAnswer(content.GetString(), null)
                : new LanguageModelAnswer(null, "The language model endpoint's answer has no choices[0].message.content.");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new LanguageModelAnswer(null, exception is OperationCanceledException
                ? $"The language model endpoint did not answer within {Options.Timeout.TotalSeconds:0} s."
                : $"The language model endpoint could not be used: {exception.Message}");
        }
    }
}

/// <summary>An explanation as the API returns it: where the request went, the request itself, and the answer or the error.</summary>
/// <param name="SentTo">The endpoint's address.</param>
/// <param name="Request">Everything that was sent.</param>
/// <param name="Answer">The model's text (not a diagnosis; it may be wrong).</param>
/// <param name="Error">Why there is no answer.</param>
public sealed record LanguageModelExplanation(string SentTo, ChatRequest Request, string? Answer, string? Error);
