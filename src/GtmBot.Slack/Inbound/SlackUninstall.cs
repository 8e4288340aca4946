using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary><c>app_uninstalled</c> and <c>tokens_revoked</c>: the workspace's installation is forgotten.</summary>
internal sealed class SlackUninstall(IInstallationStore installations, ILogger<SlackUninstall> logger)
{
    public async Task ForgetAsync(SlackEvent e, string? team, string? enterprise, bool enterpriseInstall, CancellationToken ct)
    {
        // tokens_revoked lists user tokens too; only a revoked bot token ends the installation.
        // https://docs.slack.dev/reference/events/tokens_revoked
        if (e.Type == "tokens_revoked" && e.Tokens?.Bot is not { Count: > 0 })
        {
            Log.Uninstalled(logger, team ?? enterprise ?? "?", e.Type, false);
            return;
        }

        var workspace = enterpriseInstall && enterprise is not null ? enterprise : team ?? enterprise;
        var deleted = workspace is not null && await installations.DeleteAsync(Platforms.Slack, workspace, ct);
        Log.Uninstalled(logger, workspace ?? "?", e.Type!, deleted);
    }
}
