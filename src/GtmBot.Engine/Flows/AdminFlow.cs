using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>Workspace administration: <c>/gtm admin deliveries</c> shows what the outbox holds for this workspace.</summary>
public sealed class AdminFlow(IDeliveryStatus deliveries) : IFlow
{
    /// <summary>Dead letters listed at most.</summary>
    public const int MaxListed = 10;

    public string Id => "admin";

    public IReadOnlyList<string> Commands { get; } = ["admin", "管理"];

    public Localized Help => AdminStrings.Help;

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (verb, _) = ConversationEngine.SplitCommand(args);
        return verb switch
        {
            "deliveries" or "delivery" or "投递" => [await DeliveriesAsync(context, cancellationToken)],
            _ => context.Notice(AdminStrings.Usage),
        };
    }

    public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) =>
        Task.FromResult(context.Notice(CoreStrings.UnknownAction));

    private async Task<Reply> DeliveriesAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var workspace = context.Channel.WorkspaceKey;
        var counts = await deliveries.CountAsync(workspace, cancellationToken);
        var dead = await deliveries.DeadLettersAsync(workspace, MaxListed, cancellationToken);
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(context.T(AdminStrings.DeliveriesHeader)),
            new TextBlock(context.T(AdminStrings.DeliveriesCounts, counts.Pending, counts.Dead)),
        };
        if (dead.Count == 0)
        {
            blocks.Add(new ContextBlock(context.T(AdminStrings.NoDeadLetters)));
        }

        foreach (var d in dead)
        {
            var error = d.LastError is { Length: > 0 } e ? Markup.Escape(e) : context.T(AdminStrings.UnknownError);
            blocks.Add(new ContextBlock(context.T(AdminStrings.DeadLetterLine, d.Id, Markup.Escape(d.Channel), d.CreatedAt.UtcDateTime, d.Attempts, error)));
        }

        var text = context.T(AdminStrings.DeliveriesCounts, counts.Pending, counts.Dead);
        return new Reply(blocks, Markup.ToPlainText(text), ReplyVisibility.Ephemeral);
    }
}
