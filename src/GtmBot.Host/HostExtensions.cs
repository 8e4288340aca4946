using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using Microsoft.Extensions.Options;

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

    /// <summary>Log categories that report every request or query at Information (the local page's updates, the outbox's polls).</summary>
    private static readonly string[] ChattyCategories = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

    /// <summary>The page's icon: a small SVG, so the browser's request is not a 404 in the log.</summary>
    private const string FaviconSvg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#1d4ed8\"/>" +
        "<path d=\"M8 22l6-6 4 4 6-8\" stroke=\"#fff\" stroke-width=\"3\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>";

    /// <summary>
    /// Requests and queries log at Warning unless the configuration says otherwise (<c>Logging:LogLevel:Microsoft.AspNetCore</c>),
    /// so the start-up guidance is not buried under one line per request.
    /// </summary>
    public static WebApplicationBuilder QuietRequestLogging(this WebApplicationBuilder builder)
    {
        foreach (var category in ChattyCategories)
        {
            if (string.IsNullOrEmpty(builder.Configuration[$"Logging:LogLevel:{category}"]))
            {
                builder.Logging.AddFilter(category, LogLevel.Warning);
            }
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapFavicon(this IEndpointRouteBuilder app)
    {
        app.MapGet("/favicon.ico", () => Results.Text(FaviconSvg, "image/svg+xml"));
        return app;
    }

    /// <summary>Registers every flow of the engine.</summary>
    public static IServiceCollection AddGtmFlows(this IServiceCollection services)
    {
        services.AddFlow<CanvasFlow>();
        services.AddFlow<FiveWhysFlow>();
        services.AddFlow<ChecklistFlow>();
        services.AddFlow<QuoteFlow>();
        services.AddFlow<CustomerFlow>();
        services.AddHostedService<Charts.ChartWarmup>();
        services.AddFlow<SummaryFlow>();
        services.AddFlow<ReminderFlow>();
        services.AddFlow<AdminFlow>();
        services.AddFlow<NeedFlow>();
        services.AddFlow<OkrFlow>();
        services.AddSingleton<IDigestContributor, CanvasDigest>();
        services.AddSingleton<IDigestContributor, ChecklistDigest>();
        services.AddSingleton<IDigestContributor, StageDigest>();
        services.AddSingleton<IDigestContributor, OkrDigest>();
        services.AddSingleton<IDigestContributor, QuoteDigest>();
        services.AddSingleton<IDigestContributor, FiveWhysDigest>();
        services.AddSingleton<IDigestContributor, NeedDigest>();
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

            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            Log.Storage(logger, storage.Provider.ToString(), StorageLocation(storage, app.Configuration));
        });
        return app;
    }

    internal sealed record HealthDetail(string Status, HealthOutbox Outbox);

    internal sealed record HealthOutbox(int Pending, int Dead);

    [System.Text.Json.Serialization.JsonSerializable(typeof(HealthDetail))]
    [System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
    internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;

    /// <summary>Where the state is kept: the SQLite file's full path, or the PostgreSQL host and database (never the password).</summary>
    public static string StorageLocation(StorageOptions storage, IConfiguration configuration)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            return Path.GetFullPath(Path.Combine(storage.DataDirectory, "gtmbot.db"));
        }

        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configuration.GetConnectionString("Postgres") ?? string.Empty };
        string Part(string key) => builder.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "?" : "?";
        return $"host {Part("Host")}, database {Part("Database")}";
    }
}
