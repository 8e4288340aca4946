using GtmBot.Engine.Ports;
using GtmBot.Slack.Api;
using GtmBot.Slack.Inbound;
using GtmBot.Slack.OAuth;
using GtmBot.Slack.Outbound;
using GtmBot.Slack.SocketMode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack;

/// <summary>The Slack edge's wiring: <c>AddSlack</c> for services, <c>MapSlack</c> for endpoints.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Timeout of one Web API request (the 3-second ack path uses its own, shorter budgets).</summary>
    public static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<SlackApiClient>(c => c.Timeout = ApiTimeout);
        services.AddSingleton<SlackAuthResolver>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackTurns>();
        services.AddSingleton<SlackModals>();
        services.AddSingleton<SlackReplies>();
        services.AddSingleton<SlackUninstall>();
        services.AddSingleton<SlackReactions>();
        services.AddSingleton<SlackDispatcher>();
        services.AddSingleton<SocketModeService>();
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
        services.AddSingleton<IPlatformMessenger, SlackMessenger>();
        services.AddSingleton<IPlatformFileSender, SlackFileSender>();
        services.AddSingleton<IPlatformAdminCheck, SlackAdminCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost(SlackHttpEndpoint.Path, SlackHttpEndpoint.HandleAsync).DisableAntiforgery();
        app.MapGet(SlackOAuthEndpoints.InstallPath, SlackOAuthEndpoints.Install);
        app.MapGet(SlackOAuthEndpoints.RedirectPath, SlackOAuthEndpoints.RedirectAsync);
        LogWhatIsOff(app.ServiceProvider);
        return app;
    }

    /// <summary>Says at startup which Slack features are on, and how to turn on the others.</summary>
    private static void LogWhatIsOff(IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Slack");
        Log.Status(logger, o.HttpEnabled ? $"HTTP mode on: Request URL …{SlackHttpEndpoint.Path}" : "HTTP mode off (set GtmBot__Slack__SigningSecret)");
        Log.Status(logger, o.SocketModeEnabled ? "Socket Mode on" : "Socket Mode off (set GtmBot__Slack__AppToken=xapp-…)");
        Log.Status(logger, !string.IsNullOrWhiteSpace(o.BotToken) ? "single-workspace bot token set" : "no single-workspace bot token (GtmBot__Slack__BotToken)");
        Log.Status(logger, o.OAuthEnabled ? $"OAuth install on: …{SlackOAuthEndpoints.InstallPath}" : "OAuth install off (set GtmBot__Slack__ClientId, ClientSecret, TokenEncryptionKey)");
    }
}
