using System.ComponentModel.DataAnnotations;

namespace GtmBot.Slack;

/// <summary>Slack edge settings (section <c>GtmBot:Slack</c>). Everything is optional: what is unset is switched off and said so at startup.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "GtmBot:Slack";

    /// <summary>Slack's Web API root.</summary>
    /// <see href="https://docs.slack.dev/apis/web-api/"/>
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Signing secret of the app: verifies every HTTP request to <c>/slack/events</c>.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token (<c>xoxb-…</c>) of a single workspace; OAuth installs add more.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-…</c>, scope <c>connections:write</c>): turns on Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>OAuth client id (multi-workspace install).</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret (multi-workspace install).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Base64 of 32 random bytes: AES-GCM key for the installation tokens stored in the database.</summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>Slack Web API base URL (tests point it at a loopback fake).</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Emoji name (no colons) whose reaction captures a message as a customer quote.</summary>
    [Required]
    [RegularExpression("^[a-z0-9_+\\-']{1,100}$")]
    public string QuoteReaction { get; set; } = "speech_balloon";

    /// <summary>Public base URL of this host (for the OAuth redirect URL), e.g. <c>https://gtm.example.com</c>; defaults to the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    public bool OAuthEnabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(TokenEncryptionKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp) || !ApiBaseUrl.EndsWith('/'))
        {
            yield return new ValidationResult("GtmBot:Slack:ApiBaseUrl must be an absolute http(s) URL ending in '/'.", [nameof(ApiBaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(BotToken) && !BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("GtmBot:Slack:BotToken must be a bot token (xoxb-…).", [nameof(BotToken)]);
        }

        if (!string.IsNullOrWhiteSpace(AppToken) && !AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("GtmBot:Slack:AppToken must be an app-level token (xapp-…).", [nameof(AppToken)]);
        }

        if (!string.IsNullOrWhiteSpace(TokenEncryptionKey) && !OAuth.TokenProtector.IsValidKey(TokenEncryptionKey))
        {
            yield return new ValidationResult("GtmBot:Slack:TokenEncryptionKey must be base64 of exactly 32 bytes (openssl rand -base64 32).", [nameof(TokenEncryptionKey)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId) != string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult("GtmBot:Slack:ClientId and ClientSecret go together.", [nameof(ClientId), nameof(ClientSecret)]);
        }
    }
}
