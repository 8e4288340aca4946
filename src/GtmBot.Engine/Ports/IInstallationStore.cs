namespace GtmBot.Engine.Ports;

/// <summary>
/// A bot installed in one workspace (Slack team, or a whole Enterprise Grid org for org-wide installs).
/// The token is stored as the edge hands it over: already encrypted, never in clear text.
/// </summary>
/// <param name="Platform">As in <see cref="ConversationKey.Platform"/>.</param>
/// <param name="Workspace">Team id, or the enterprise id of an org-wide install.</param>
/// <param name="EnterpriseId">The org, when there is one.</param>
/// <param name="IsEnterpriseInstall">True when installed for the whole org.</param>
/// <param name="ProtectedToken">The bot token, encrypted by the edge.</param>
/// <param name="BotUserId">The bot's own user id (to ignore its own messages).</param>
/// <param name="BotId">The bot id.</param>
/// <param name="Scopes">Granted scopes, comma-separated.</param>
/// <param name="InstalledBy">Who installed it.</param>
/// <param name="InstalledAt">When.</param>
public sealed record Installation(
    string Platform,
    string Workspace,
    string? EnterpriseId,
    bool IsEnterpriseInstall,
    string ProtectedToken,
    string? BotUserId,
    string? BotId,
    string? Scopes,
    string? InstalledBy,
    DateTimeOffset InstalledAt)
{
    /// <summary>The tenant boundary, as <see cref="ConversationKey.WorkspaceKey"/>.</summary>
    public string WorkspaceKey => $"{Platform}:{Workspace}";
}

/// <summary>Installations of the bot per workspace (multi-workspace OAuth installs).</summary>
public interface IInstallationStore
{
    /// <summary>Adds or replaces the workspace's installation.</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    Task<Installation?> FindAsync(string platform, string workspace, CancellationToken cancellationToken);

    /// <summary>Forgets the workspace's installation (uninstalled, tokens revoked). Returns whether one was there.</summary>
    Task<bool> DeleteAsync(string platform, string workspace, CancellationToken cancellationToken);
}
