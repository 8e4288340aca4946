using GtmBot.Engine.Tagging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GtmBot.Engine;

/// <summary>Where the trained tagger's model file is (default: <see cref="TaggerModel.OutputPath"/> next to the app).</summary>
public sealed record TaggerModelPath(string Path);

/// <summary>Registers the engine and its flows. Storage and edges register the ports.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddGtmEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FlowRegistry>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<Charts.InsightsChart>();
        services.TryAddSingleton(Insights.InsightsRefreshOptions.Default);
        services.AddSingleton<Insights.InsightsRefreshQueue>();
        services.AddSingleton<Insights.ChannelInsights>();
        services.TryAddSingleton(new TaggerModelPath(Path.Combine(AppContext.BaseDirectory, TaggerModel.OutputPath)));
        services.AddSingleton(sp => TaggerModel.Load(sp.GetRequiredService<TaggerModelPath>().Path));
        services.AddSingleton<ModelQuoteTagger>();
        services.AddSingleton<IQuoteTagger>(sp => sp.GetRequiredService<ModelQuoteTagger>());
        services.AddSingleton(sp => new ChannelTagger(
            sp.GetRequiredService<ModelQuoteTagger>(), sp.GetRequiredService<Ports.ITagExampleStore>(), sp.GetRequiredService<Ports.ISettingsStore>(), sp.GetService<LlmQuoteTagger>()));
        return services;
    }

    /// <summary>Adds a flow to the registry.</summary>
    public static IServiceCollection AddFlow<TFlow>(this IServiceCollection services)
        where TFlow : class, IFlow
    {
        services.AddSingleton<IFlow, TFlow>();
        return services;
    }
}
