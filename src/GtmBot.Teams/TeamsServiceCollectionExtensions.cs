using GtmBot.Engine.Ports;
using GtmBot.Teams.Auth;
using GtmBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GtmBot.Teams;

/// <summary>Registers the Teams edge: options, JWT validation, the connector client, the activity handler and the outbox messenger.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, SingleTenantNeedsTenant>();
        services.AddHttpClient(OpenIdKeyCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(BotTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<OpenIdKeyCache>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<TeamsPeople>();
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton<IPlatformMessenger, TeamsMessenger>();
        return services;
    }

    private sealed class SingleTenantNeedsTenant : IValidateOptions<TeamsOptions>
    {
        public ValidateOptionsResult Validate(string? name, TeamsOptions options) =>
            options.HasCredentials && options.AppType == TeamsAppType.SingleTenant && string.IsNullOrWhiteSpace(options.TenantId) && string.IsNullOrWhiteSpace(options.TokenEndpoint)
                ? ValidateOptionsResult.Fail("GtmBot:Teams:AppType is SingleTenant but GtmBot:Teams:TenantId is empty (set GtmBot__Teams__TenantId, or AppType=MultiTenant).")
                : ValidateOptionsResult.Success;
    }
}
