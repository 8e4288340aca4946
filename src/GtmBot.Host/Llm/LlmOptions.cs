using System.ComponentModel.DataAnnotations;

namespace GtmBot.Host.Llm;

/// <summary>Which model service summarizes feedback.</summary>
public enum LlmProvider
{
    /// <summary>No model: the offline summarizer does everything.</summary>
    None,
    /// <summary>Azure OpenAI: <c>Endpoint</c> + <c>Deployment</c>, with <c>ApiKey</c> or Entra ID.</summary>
    AzureOpenAI,
    /// <summary>Any OpenAI-compatible endpoint (OpenAI, a local model server): <c>BaseUrl</c> + <c>Model</c> + <c>ApiKey</c>.</summary>
    OpenAI,
}

/// <summary>The LLM used for feedback summaries, bound from <c>GtmBot:Llm</c>.</summary>
public sealed class LlmOptions
{
    public const string Section = "GtmBot:Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>Azure OpenAI resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>API key; for Azure OpenAI leave empty to sign in with Entra ID (DefaultAzureCredential).</summary>
    public string? ApiKey { get; set; }

    /// <summary>OpenAI-compatible base URL, e.g. <c>http://127.0.0.1:11434/v1</c>; empty means api.openai.com.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>OpenAI-compatible model name.</summary>
    public string? Model { get; set; }

    /// <summary>Longest wait for one model call before the offline summary stands in.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Token budget of one call's input; longer feedback is chunked and merged (map-reduce).</summary>
    [Range(500, 1_000_000)]
    public int MaxInputTokens { get; set; } = Engine.Summaries.SummaryOptions.DefaultMaxInputTokens;

    /// <summary>Retries of a 429 or 5xx answer (honouring Retry-After) before falling back.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The model name for logs.</summary>
    public string ModelName => Provider == LlmProvider.AzureOpenAI ? Deployment ?? "?" : Model ?? "?";
}
