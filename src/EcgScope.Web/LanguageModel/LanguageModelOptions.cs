namespace EcgScope.Web.LanguageModel;

/// <summary>
/// The optional explanation by a language model (configuration section <c>EcgScope:Web:LanguageModel</c>). Off unless
/// an endpoint is given: nothing leaves the machine by default, and only to the OpenAI-compatible endpoint the user
/// names (a local server such as llama.cpp or Ollama, or a hosted one).
/// </summary>
public sealed class LanguageModelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "EcgScope:Web:LanguageModel";

    /// <summary>The API's base address, up to and including <c>/v1</c> (for example http://127.0.0.1:11434/v1); empty: off.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the endpoint knows.</summary>
    public string Model { get; set; } = "";

    /// <summary>The environment variable holding the API key, if the endpoint needs one (the key itself is never in a file).</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>How long to wait for an answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether an endpoint is configured.</summary>
    public bool IsEnabled => Endpoint is not null && Model.Length > 0;
}
