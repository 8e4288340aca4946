using GtmBot.Engine.Delivery;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine;

/// <summary>
/// The platform-neutral heart: takes a <see cref="Turn"/>, finds the flow, returns <see cref="Reply"/> values.
/// Artefact replies (the channel's living canvas, checklist, drill) are queued in the durable outbox for the edges to deliver;
/// edges render the other replies in the request's response.
/// </summary>
public sealed partial class ConversationEngine(
    FlowRegistry registry,
    ISettingsStore settings,
    IOutbox outbox,
    TimeProvider clock,
    ILogger<ConversationEngine> logger)
{
    private static readonly string[] Prefixes = ["/gtm", "gtm"];

    /// <summary>Handles one turn. State changes are saved before this returns.</summary>
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, CancellationToken cancellationToken) =>
        (await RunAsync(turn, cancellationToken)).Replies;

    /// <summary>Handles one turn and says which language it answered in (the edges render in the same). State is saved before this returns.</summary>
    public async Task<TurnResult> RunAsync(Turn turn, CancellationToken cancellationToken)
    {
        var lang = await ResolveLanguageAsync(turn, cancellationToken);
        var context = new FlowContext(turn, lang, clock);
        var replies = turn.Input switch
        {
            CommandInput command => await OnCommandAsync(context, command.Text, cancellationToken),
            ActionInput action => await OnActionAsync(context, action, cancellationToken),
            _ => throw new ArgumentException($"Unknown input {turn.Input.GetType().Name}", nameof(turn)),
        };

        if (turn.Conversation.Platform != Platforms.Local)
        {
            foreach (var reply in replies.Where(r => r.Placement == ReplyPlacement.Artefact))
            {
                await outbox.EnqueueAsync(new OutboundMessage(turn.Conversation.ChannelOnly, reply), cancellationToken);
            }
        }

        return new TurnResult(replies, lang);
    }

    /// <summary>The user's language: their choice, else the workspace's, else the platform locale, else English.</summary>
    public async Task<Lang> ResolveLanguageAsync(Turn turn, CancellationToken cancellationToken)
    {
        var workspace = turn.Conversation.WorkspaceKey;
        return await settings.GetUserLanguageAsync(workspace, turn.User.Id, cancellationToken)
            ?? await settings.GetWorkspaceLanguageAsync(workspace, cancellationToken)
            ?? Culture.Parse(turn.Locale)
            ?? Lang.En;
    }

    /// <summary>Splits <c>/gtm canvas history</c> into <c>canvas</c> and <c>history</c>.</summary>
    public static (string Command, string Args) SplitCommand(string text)
    {
        var t = text.Trim();
        foreach (var prefix in Prefixes)
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (t.Length == prefix.Length || char.IsWhiteSpace(t[prefix.Length])))
            {
                t = t[prefix.Length..].TrimStart();
                break;
            }
        }

        var space = t.IndexOfAny([' ', '\t', '\n', '\r', '\u3000']);
        return space < 0 ? (t.ToLowerInvariant(), string.Empty) : (t[..space].ToLowerInvariant(), t[(space + 1)..].Trim());
    }

    private async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string text, CancellationToken cancellationToken)
    {
        var (command, args) = SplitCommand(text);
        switch (command)
        {
            case "" or "help" or "帮助":
                return [Help(context, null)];
            case "lang" or "语言":
                return await SetLanguageAsync(context, args, cancellationToken);
        }

        var flow = registry.ForCommand(command);
        if (flow is null)
        {
            Log.UnknownCommand(logger, command);
            return [Help(context, command)];
        }

        return await flow.OnCommandAsync(context, args, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var flow = registry.ForAction(action.ActionId);
        if (flow is null)
        {
            Log.UnknownAction(logger, action.ActionId);
            return context.Notice(CoreStrings.UnknownAction);
        }

        return await flow.OnActionAsync(context, action, cancellationToken);
    }

    private Reply Help(FlowContext context, string? unknown)
    {
        var lines = new List<string> { context.T(CoreStrings.HelpCommand) };
        lines.AddRange(registry.Flows.Select(f => context.T(f.Help)));
        lines.Add(context.T(CoreStrings.LangCommand));
        var blocks = new List<ReplyBlock> { new HeaderBlock(context.T(CoreStrings.HelpTitle)) };
        blocks.Add(new TextBlock(unknown is null ? context.T(CoreStrings.HelpIntro) : context.T(CoreStrings.UnknownCommand, Markup.Escape(unknown))));
        blocks.Add(new TextBlock(string.Join('\n', lines.Select(l => "• " + l))));
        var reply = new Reply(blocks, context.T(CoreStrings.HelpTitle), ReplyVisibility.Ephemeral);
        return reply;
    }

    private async Task<IReadOnlyList<Reply>> SetLanguageAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lang = words.Length > 0 ? Culture.Parse(words[0]) : null;
        if (lang is null)
        {
            return context.Notice(CoreStrings.LangUsage);
        }

        var workspace = context.Turn.Conversation.WorkspaceKey;
        var forChannel = words.Skip(1).Any(w => w is "channel" or "workspace" or "频道" or "工作区");
        if (forChannel)
        {
            await settings.SetWorkspaceLanguageAsync(workspace, lang.Value, cancellationToken);
            return [Reply.Notice(CoreStrings.LangSetChannel.Get(lang.Value))];
        }

        await settings.SetUserLanguageAsync(workspace, context.User.Id, lang.Value, cancellationToken);
        return [Reply.Notice(CoreStrings.LangSetUser.Get(lang.Value))];
    }
}
