using System.ComponentModel.DataAnnotations;

namespace GtmBot.Teams;

/// <summary>How the bot's Entra app is registered for outbound tokens.</summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/bot-service-quickstart-registration#bot-identity-information"/>
public enum TeamsAppType
{
    /// <summary>Tokens from the <c>botframework.com</c> tenant (older registrations).</summary>
    MultiTenant,
    /// <summary>Tokens from the bot's own tenant (<see cref="TeamsOptions.TenantId"/>); the default for new bots.</summary>
    SingleTenant,
}

/// <summary>Microsoft Teams settings, section <c>GtmBot:Teams</c>.</summary>
public sealed class TeamsOptions
{
    public const string Section = "GtmBot:Teams";

    /// <summary>The Azure Bot's Microsoft App ID (Entra application id). Empty: Teams is off (unless the loopback dev switch is on).</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret.</summary>
    public string? AppPassword { get; set; }

    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>The bot's Entra tenant; required for <see cref="TeamsAppType.SingleTenant"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the Bot Connector's signing keys are published.</summary>
    /// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot"/>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of the Bot Connector's tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Client-credentials token endpoint; empty: <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>
    /// with tenant <c>botframework.com</c> (MultiTenant) or <see cref="TenantId"/> (SingleTenant).</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// Accept activities WITHOUT any authentication, for the Microsoft 365 Agents Playground. Honoured only when
    /// <see cref="AppId"/> is empty, the request comes from loopback and the environment is Development; refused otherwise.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedLoopback { get; set; }

    /// <summary>
    /// Longest time an activity's HTTP answer may take (default 8 s, at most 14 s: the Bot Framework gives up after 15 s).
    /// Work still running then goes on; what it produces is delivered through the outbox, and an invoke is answered with a
    /// "still working" notice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:14")]
    public TimeSpan ResponseBudget { get; set; } = Teams.ResponseBudget.Default;

    /// <summary>The token endpoint to use.</summary>
    public string ResolvedTokenEndpoint => !string.IsNullOrWhiteSpace(TokenEndpoint)
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(AppType == TeamsAppType.SingleTenant ? TenantId : "botframework.com")}/oauth2/v2.0/token";

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);
}
