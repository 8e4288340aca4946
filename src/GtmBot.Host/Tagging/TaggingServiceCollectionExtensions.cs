using GtmBot.Engine;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Llm;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Tagging;

/// <summary>Wires the quote tagger: the trained model's file, and the LLM tagger when <c>GtmBot:Llm:Provider</c> names a service.</summary>
public static class TaggingServiceCollectionExtensions
{
    /// <summary>Configuration key of the model file (default: <see cref="TaggerModel.OutputPath"/> next to the app).</summary>
    public const string ModelPathKey = "GtmBot:Tagger:ModelPath";

    public static IServiceCollection AddGtmTagger(this IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Singleton(new TaggerModelPath(ModelPath(configuration))));
        var llm = new LlmOptions();
        configuration.GetSection(LlmOptions.Section).Bind(llm);
        if (llm.Provider != LlmProvider.None)
        {
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
                return CreateLlmTagger(options, sp.GetRequiredService<ModelQuoteTagger>(), sp.GetRequiredService<ILogger<LlmQuoteTagger>>())!;
            });
        }

        return services;
    }

    /// <summary>The LLM tagger over the configured model, with <paramref name="offline"/> as fallback; null when no model is configured.</summary>
    public static LlmQuoteTagger? CreateLlmTagger(LlmOptions options, IQuoteTagger offline, ILogger<LlmQuoteTagger> logger)
    {
        var chat = LlmServiceCollectionExtensions.CreateChatClient(options);
        return chat is null ? null : new LlmQuoteTagger(chat, offline, new LlmTaggerOptions(options.ModelName, TimeSpan.FromSeconds(options.TimeoutSeconds)), logger);
    }

    /// <summary>The model file the configuration names, or the one shipped next to the app.</summary>
    public static string ModelPath(IConfiguration configuration) =>
        configuration[ModelPathKey] is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(AppContext.BaseDirectory, TaggerModel.OutputPath);

    /// <summary>
    /// Loads the tagger's model before the host serves anything: a missing or corrupt file stops the start with a message
    /// naming the file and the command that rebuilds it, never a silent fallback to no tags.
    /// </summary>
    public static WebApplication EnsureTaggerModel(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Host.Tagging");
        try
        {
            var model = app.Services.GetRequiredService<TaggerModel>();
            Log.ModelLoaded(logger, app.Services.GetRequiredService<TaggerModelPath>().Path, model.Description);
        }
        catch (TaggerModelException e)
        {
            Log.ModelUnusable(logger, e.Message);
            throw;
        }

        return app;
    }
}
