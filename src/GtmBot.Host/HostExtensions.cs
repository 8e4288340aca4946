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

    /// <summary><c>/healthz</c> answers <c>ok</c>; <c>/healthz?detail=true</c> adds the outbox's pending and dead-lettered counts.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", HealthAsync);
        return app;
    }

    private static async Task<IResult> HealthAsync(HttpContext http, IDeliveryStatus deliveries, CancellationToken ct)
    {
        if (!string.Equals(http.Request.Query["detail"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text("ok");
        }

        var counts = await deliveries.CountAsync(null, ct);
        return Results.Json(new HealthDetail("ok", new HealthOutbox(counts.Pending, counts.Dead)), HealthJson.Default.HealthDetail);
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

    internal sealed record HealthDetail(string Status, HealthOutbox Outbox);

    internal sealed record HealthOutbox(int Pending, int Dead);

    [System.Text.Json.Serialization.JsonSerializable(typeof(HealthDetail))]
    [System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
    internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;

}
