using GtmBot.Engine;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Host.Scheduling;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace GtmBot.Host.Api;

/// <summary>Data out: the open API, exports (now and weekly), download links and signed webhooks.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document's name: <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    public static IServiceCollection AddGtmDataOut(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new DataOutSettings
        {
            MaxExportBytes = sp.GetRequiredService<IOptions<ApiOptions>>().Value.MaxExportBytes,
            AllowLoopbackWebhooks = environment.IsDevelopment(),
        });

        services.AddSingleton<ThemeReport>();
        services.AddSingleton<DataOutReader>();
        services.AddSingleton<ExportBuilder>();
        services.AddSingleton<ExportService>();
        services.AddSingleton<WebhookPublisher>();
        DecorateQuoteStore(services);

        services.AddFlow<ExportFlow>();
        services.AddFlow<ApiFlow>();
        services.AddFlow<WebhookFlow>();

        services.AddSingleton<IWorkspaceAdmins, WorkspaceAdmins>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<IPlatformMessenger, ExportMessenger>();
        services.AddSingleton<IPlatformMessenger, WebhookMessenger>();
        services.AddHttpClient(WebhookMessenger.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHostedService<ExportScheduler>();

        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>>(sp =>
            new ConfigureOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => ApiAuth.AddPolicy(o, sp)));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "GtmBot API",
                    Version = "v1",
                    Description = "Customer quotes, themes, canvases, checklists, drills and summaries of one workspace. "
                        + "Authenticate with 'Authorization: Bearer <token>' (/gtm api token create <name>). "
                        + "Errors are RFC 9457 problem details; 401 without a valid token, 404 for a channel the token's workspace does not have, "
                        + "429 with Retry-After over the per-token rate limit.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API token of the workspace, shown once by /gtm api token create <name>.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Maps <c>/api/v1</c>, the OpenAPI document, the Scalar reference page and the export download links.</summary>
    public static WebApplication MapGtmApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("GtmBot API").AddPreferredSecuritySchemes("bearer"));
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiAuth.AuthenticateAsync)
            .RequireRateLimiting(ApiAuth.RateLimitPolicy)
            .WithTags("GtmBot");
        ApiEndpoints.Map(api);
        app.MapGet(DownloadLinks.Path, DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadAsync(long id, string? ws, string? exp, string? sig, DownloadLinks links, IExportStore exports, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await links.VerifyAsync(id, ws, exp, sig, cancellationToken))
        {
            return Results.Problem("The download link is not valid or has expired; export again.", statusCode: StatusCodes.Status403Forbidden);
        }

        var file = await exports.GetFileAsync(ws!, id, cancellationToken);
        if (file is null)
        {
            return Results.Problem("The export file is gone.", statusCode: StatusCodes.Status404NotFound);
        }

        Log.ExportDownloaded(loggers.CreateLogger("GtmBot.Api"), id);
        // A picture is shown where it is linked (an <img>, a card's Image), so it is served inline; other files download.
        return file.ContentType.StartsWith("image/", StringComparison.Ordinal)
            ? Results.File(file.Content, file.ContentType)
            : Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Every capture goes through the quote store; wrapping it raises the webhook events without touching any flow.</summary>
    private static void DecorateQuoteStore(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IQuoteStore))
            ?? throw new InvalidOperationException("AddGtmStorage must run before AddGtmDataOut.");
        services.Remove(inner);
        services.AddSingleton<IQuoteStore>(sp => new EventingQuoteStore(
            (IQuoteStore)(inner.ImplementationInstance
                ?? inner.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
            sp.GetRequiredService<WebhookPublisher>(),
            sp.GetRequiredService<ISettingsStore>(),
            sp.GetRequiredService<ILogger<EventingQuoteStore>>()));
    }
}
