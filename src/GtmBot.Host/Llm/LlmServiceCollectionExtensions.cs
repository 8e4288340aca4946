using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Azure.AI.OpenAI;
using Azure.Identity;
using GtmBot.Engine.Summaries;
using GtmBot.Engine.Tagging;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenAI;

namespace GtmBot.Host.Llm;

/// <summary>Wires the summarizers: always the offline one, and the LLM one when <c>GtmBot:Llm:Provider</c> names a service.</summary>
public static partial class LlmServiceCollectionExtensions
{
    public static IServiceCollection AddGtmLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.AddSingleton(sp => new HeuristicSummarizer(sp.GetService<IQuoteTagger>()));
        services.AddSingleton<ISummarizer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var offline = sp.GetRequiredService<HeuristicSummarizer>();
            var chat = CreateChatClient(options);
            return chat is null
                ? offline
                : new LlmSummarizer(chat, offline, new LlmSummarizerOptions(options.ModelName, TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxInputTokens), sp.GetRequiredService<ILogger<LlmSummarizer>>());
        });
        return services;
    }

    /// <summary>Says at startup which summarizer runs and, when it is the offline one, how to turn the LLM on.</summary>
    public static WebApplication LogLlmStatus(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Host.Llm");
        if (options.Provider == LlmProvider.None)
        {
            Log.LlmOff(logger);
        }
        else
        {
            Log.LlmOn(logger, options.Provider.ToString(), options.ModelName);
        }

        return app;
    }

    /// <summary>The summarizer for the CLI's <c>--llm</c>: the configured model, or offline when none is configured.</summary>
    public static ISummarizer CreateCliSummarizer(IConfiguration configuration)
    {
        var options = new LlmOptions();
        configuration.GetSection(LlmOptions.Section).Bind(options);
        var offline = new HeuristicSummarizer(new Engine.Tagging.QuoteTagger());
        var chat = CreateChatClient(options);
        return chat is null
            ? offline
            : new LlmSummarizer(chat, offline, new LlmSummarizerOptions(options.ModelName, TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxInputTokens), NullLogger<LlmSummarizer>.Instance);
    }

    /// <summary>An <see cref="IChatClient"/> for the configured provider, or null for <see cref="LlmProvider.None"/>.</summary>
    /// <remarks>
    /// Each client is built in a method of its own, so a host without an LLM never loads the Azure and OpenAI assemblies (the
    /// JIT loads the assemblies of every type a method names when it compiles that method; they were ~5 MB of the idle RSS).
    /// </remarks>
    internal static IChatClient? CreateChatClient(LlmOptions options) => options.Provider switch
    {
        LlmProvider.AzureOpenAI => CreateAzureOpenAI(options),
        LlmProvider.OpenAI => CreateOpenAI(options),
        _ => null,
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IChatClient CreateAzureOpenAI(LlmOptions options)
    {
        // https://learn.microsoft.com/dotnet/api/overview/azure/ai.openai-readme
        var clientOptions = new AzureOpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds), RetryPolicy = new ClientRetryPolicy(options.MaxRetries) };
        var client = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new AzureOpenAIClient(options.Endpoint!, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(options.ApiKey), clientOptions);
        return client.GetChatClient(options.Deployment!).AsIChatClient();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IChatClient CreateOpenAI(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds), RetryPolicy = new ClientRetryPolicy(options.MaxRetries) };
        if (options.BaseUrl is not null)
        {
            clientOptions.Endpoint = options.BaseUrl;
        }

        // Local model servers usually ignore the key; the SDK still wants one.
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey), clientOptions);
        return client.GetChatClient(options.Model!).AsIChatClient();
    }

    private sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
    {
        public ValidateOptionsResult Validate(string? name, LlmOptions o) => o.Provider switch
        {
            LlmProvider.AzureOpenAI when o.Endpoint is null || string.IsNullOrWhiteSpace(o.Deployment) =>
                ValidateOptionsResult.Fail("GtmBot:Llm:Provider is AzureOpenAI: set GtmBot__Llm__Endpoint and GtmBot__Llm__Deployment (and ApiKey, or sign in for Entra ID)."),
            LlmProvider.OpenAI when string.IsNullOrWhiteSpace(o.Model) =>
                ValidateOptionsResult.Fail("GtmBot:Llm:Provider is OpenAI: set GtmBot__Llm__Model (and BaseUrl for a compatible server, ApiKey for OpenAI)."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
