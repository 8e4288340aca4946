using System.Globalization;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine.Flows;

/// <summary>
/// <c>/gtm api token create|list|revoke &lt;name&gt;</c>: tokens of the open API, scoped to the workspace they are created in,
/// managed by its admins only. A token is shown once and stored as a hash.
/// </summary>
public sealed partial class ApiFlow(IApiTokenStore tokens, IWorkspaceAdmins admins, ILogger<ApiFlow> logger) : IFlow
{
    public string Id => "api";

    public IReadOnlyList<string> Commands { get; } = ["api"];

    public Localized Help => DataOutStrings.ApiHelp;

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var words = args.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || (!words[0].Equals("token", StringComparison.OrdinalIgnoreCase) && words[0] != "令牌"))
        {
            return context.Notice(DataOutStrings.ApiUsage);
        }

        if (!await admins.IsAdminAsync(context.Turn.Conversation, context.User, cancellationToken))
        {
            return context.Notice(DataOutStrings.NotAdmin);
        }

        var workspace = context.Turn.Conversation.WorkspaceKey;
        var name = words.Length > 2 ? string.Join(' ', words[2..]) : null;
        switch (words[1].ToLowerInvariant())
        {
            case "create" or "new" or "创建":
                if (!ApiTokens.IsValidName(name))
                {
                    return context.Notice(DataOutStrings.TokenBadName, ApiTokens.MaxNameLength);
                }

                var token = ApiTokens.NewToken();
                if (!await tokens.CreateAsync(workspace, name!, ApiTokens.Hash(token), ApiTokens.ShownPrefix(token), context.User.Id, context.Now, cancellationToken))
                {
                    return context.Notice(DataOutStrings.TokenExists, Markup.Escape(name));
                }

                Log.Created(logger, name!, workspace);
                return [Reply.Notice(context.T(DataOutStrings.TokenCreated, Markup.Escape(name), token))];
            case "list" or "列表":
                return await ListAsync(context, workspace, cancellationToken);
            case "revoke" or "delete" or "撤销":
                if (name is null)
                {
                    return context.Notice(DataOutStrings.ApiUsage);
                }

                if (!await tokens.RevokeAsync(workspace, name, context.Now, cancellationToken))
                {
                    return context.Notice(DataOutStrings.TokenNotFound, Markup.Escape(name));
                }

                Log.Revoked(logger, name, workspace);
                return context.Notice(DataOutStrings.TokenRevoked, Markup.Escape(name));
            default:
                return context.Notice(DataOutStrings.ApiUsage);
        }
    }

    public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) =>
        Task.FromResult(context.Notice(CoreStrings.UnknownAction));

    private async Task<IReadOnlyList<Reply>> ListAsync(FlowContext context, string workspace, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(workspace, cancellationToken);
        if (list.Count == 0)
        {
            return context.Notice(DataOutStrings.TokenNone);
        }

        var lines = list.Select(t => t.RevokedAt is { } revoked
            ? context.T(DataOutStrings.TokenRevokedLine, Markup.Escape(t.Name), Markup.Escape(t.Prefix), revoked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : context.T(DataOutStrings.TokenLine, Markup.Escape(t.Name), Markup.Escape(t.Prefix), Markup.Mention(t.CreatedBy), t.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return [new Reply([new HeaderBlock(context.T(DataOutStrings.TokenListTitle)), new TextBlock(string.Join('\n', lines.Select(l => "• " + l)))], context.T(DataOutStrings.TokenListTitle), ReplyVisibility.Ephemeral)];
    }
}
