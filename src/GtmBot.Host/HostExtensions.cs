using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;

namespace GtmBot.Host;

/// <summary>The host's wiring, one named step per line of Program.cs.</summary>
public static partial class HostExtensions
{
    /// <summary>Default address of the local channel and the bot endpoints.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3978";

    /// <summary>Binds to loopback on port 3978 unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public static WebApplicationBuilder UseLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Registers every flow of the engine.</summary>
    public static IServiceCollection AddGtmFlows(this IServiceCollection services)
    {
        services.AddFlow<CanvasFlow>();
        services.AddFlow<FiveWhysFlow>();
        services.AddFlow<ChecklistFlow>();
        services.AddFlow<QuoteFlow>();
        services.AddFlow<SummaryFlow>();
        services.AddFlow<ReminderFlow>();
        services.AddFlow<AdminFlow>();
        services.AddSingleton<IDigestContributor, CanvasDigest>();
        services.AddSingleton<IDigestContributor, ChecklistDigest>();
        services.AddSingleton<IDigestContributor, QuoteDigest>();
        services.AddSingleton<IDigestContributor, FiveWhysDigest>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    /// <summary>Says at startup which integrations are off and how to turn them on.</summary>
    public static WebApplication LogWhatIsOff(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Host");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Log.LocalChannel(logger, url);
            }
        });
        return app;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Local channel: open {Url}/ in a browser")]
        public static partial void LocalChannel(ILogger logger, string url);
    }
}
