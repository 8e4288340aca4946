using GtmBot.Engine.Tagging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GtmBot.Engine;

/// <summary>Registers the engine and its flows. Storage and edges register the ports.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddGtmEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FlowRegistry>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<IQuoteTagger, QuoteTagger>();
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
