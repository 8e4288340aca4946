using System.Security.Cryptography;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack.OAuth;

/// <summary>The bot token to use for a workspace, and who the bot is there.</summary>
internal sealed record SlackAuth(string BotToken, string? BotUserId, string? BotId);

/// <summary>
/// Finds the bot token of a workspace: an OAuth installation for the team, else for its Enterprise Grid org,
/// else the single-workspace <c>BotToken</c> from configuration.
/// </summary>
/// <see href="https://docs.slack.dev/authentication/installing-with-oauth"/>
internal sealed class SlackAuthResolver(IInstallationStore store, IOptions<SlackOptions> options, ILogger<SlackAuthResolver> logger)
{
    private readonly TokenProtector? _protector = string.IsNullOrWhiteSpace(options.Value.TokenEncryptionKey) ? null : new TokenProtector(options.Value.TokenEncryptionKey);

    public TokenProtector? Protector => _protector;

    public async Task<SlackAuth?> FindAsync(string? enterpriseId, string? teamId, CancellationToken ct)
    {
        if (_protector is not null)
        {
            foreach (var workspace in new[] { teamId, enterpriseId })
            {
                if (string.IsNullOrEmpty(workspace))
                {
                    continue;
                }

                var installation = await store.FindAsync(Platforms.Slack, workspace, ct);
                if (installation is null)
                {
                    continue;
                }

                try
                {
                    return new SlackAuth(_protector.Unprotect(installation.ProtectedToken, installation.WorkspaceKey), installation.BotUserId, installation.BotId);
                }
                catch (CryptographicException)
                {
                    Log.TokenUnreadable(logger, installation.WorkspaceKey);
                }
            }
        }

        var token = options.Value.BotToken;
        return string.IsNullOrWhiteSpace(token) ? null : new SlackAuth(token, null, null);
    }
}
