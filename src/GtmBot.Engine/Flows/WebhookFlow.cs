using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary><c>/gtm webhook add &lt;https-url&gt; [events]</c>, <c>list</c>, <c>remove &lt;id|url&gt;</c>: signed JSON events for a workspace's admins.</summary>
public sealed class WebhookFlow(IWebhookStore webhooks, IWorkspaceAdmins admins, DataOutSettings settings) : IFlow
{
    /// <summary>Longest webhook URL accepted.</summary>
    public const int MaxUrlLength = 2000;

    public string Id => "webhook";

    public IReadOnlyList<string> Commands { get; } = ["webhook", "webhooks"];

    public Localized Help => DataOutStrings.WebhookHelp;

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var words = args.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return context.Notice(DataOutStrings.WebhookUsage);
        }

        if (!await admins.IsAdminAsync(context.Turn.Conversation, context.User, cancellationToken))
        {
            return context.Notice(DataOutStrings.NotAdmin);
        }

        var workspace = context.Turn.Conversation.WorkspaceKey;
        switch (words[0].ToLowerInvariant())
        {
            case "add" or "添加" when words.Length is 2 or 3:
                return await AddAsync(context, workspace, words[1], words.Length == 3 ? words[2] : null, cancellationToken);
            case "list" or "列表":
                var list = await webhooks.ListAsync(workspace, cancellationToken);
                if (list.Count == 0)
                {
                    return [Reply.Notice(context.T(DataOutStrings.WebhookNone) + context.T(DataOutStrings.WebhookUsage))];
                }

                var lines = list.Select(w => "• " + context.T(DataOutStrings.WebhookLine, w.Id, Markup.Escape(w.Url), string.Join(", ", w.Events), Markup.Mention(w.CreatedBy)));
                return [new Reply([new HeaderBlock(context.T(DataOutStrings.WebhookListTitle)), new TextBlock(string.Join('\n', lines))], context.T(DataOutStrings.WebhookListTitle), ReplyVisibility.Ephemeral)];
            case "remove" or "delete" or "删除" when words.Length == 2:
                var target = words[1];
                var removed = await webhooks.RemoveAsync(workspace, target, cancellationToken);
                return removed == 0 ? context.Notice(DataOutStrings.WebhookNotFound, Markup.Escape(target)) : context.Notice(DataOutStrings.WebhookRemoved, removed);
            default:
                return context.Notice(DataOutStrings.WebhookUsage);
        }
    }

    public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) =>
        Task.FromResult(context.Notice(CoreStrings.UnknownAction));

    private async Task<IReadOnlyList<Reply>> AddAsync(FlowContext context, string workspace, string url, string? eventList, CancellationToken cancellationToken)
    {
        var problem = url.Length > MaxUrlLength ? $"longer than {MaxUrlLength} characters" : WebhookSignature.CheckUrl(url, settings.AllowLoopbackWebhooks);
        if (problem is not null)
        {
            return context.Notice(DataOutStrings.WebhookBadUrl, Markup.Escape(url.Length > 100 ? url[..100] + "…" : url), problem);
        }

        var events = eventList?.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.ToLowerInvariant()).Distinct().ToList()
            ?? [.. WebhookEvents.All];
        if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown)
        {
            return context.Notice(DataOutStrings.WebhookBadEvents, Markup.Escape(unknown), string.Join(", ", WebhookEvents.All));
        }

        var secret = WebhookSignature.NewSecret();
        var added = await webhooks.AddAsync(workspace, url, events, secret, context.User.Id, context.Now, cancellationToken);
        return [Reply.Notice(context.T(DataOutStrings.WebhookAdded, added.Id, Markup.Escape(url), string.Join(", ", events), secret))];
    }
}
