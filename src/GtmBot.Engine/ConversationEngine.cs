using GtmBot.Engine.Dates;
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
    /// <summary>The action of a lookup's "Share to channel" button; its value is the command to run again for the channel.</summary>
    public const string ShareAction = "gtm.share";

    /// <summary>Longest command a share button carries (Slack's button value limit is 2,000 characters).</summary>
    /// <see href="https://docs.slack.dev/reference/block-kit/block-elements/button-element"/>
    public const int MaxShareCommandLength = 2000;

    private static readonly string[] Prefixes = ["/gtm", "gtm"];

    /// <summary>Handles one turn. State changes are saved before this returns.</summary>
    public async Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, CancellationToken cancellationToken) =>
        (await RunAsync(turn, cancellationToken)).Replies;

    /// <summary>Handles one turn and says which language it answered in (the edges render in the same). State is saved before this returns.</summary>
    public async Task<TurnResult> RunAsync(Turn turn, CancellationToken cancellationToken)
    {
        var lang = await ResolveLanguageAsync(turn, cancellationToken);
        var context = new FlowContext(turn, lang, clock, await ResolveTimeZoneAsync(turn, cancellationToken));
        var replies = turn.Input switch
        {
            CommandInput command => await OnCommandAsync(context, command.Text, share: false, cancellationToken),
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

    /// <summary>
    /// The user's language: their own choice, else this channel's, else the workspace's, else the platform locale, else English.
    /// </summary>
    public Task<Lang> ResolveLanguageAsync(Turn turn, CancellationToken cancellationToken) =>
        ResolveLanguageAsync(settings, turn.Conversation, turn.User.Id, turn.Locale, cancellationToken);

    /// <summary>
    /// The language of <paramref name="userId"/> in <paramref name="conversation"/>'s channel: their own choice, else the
    /// channel's, else the workspace's, else <paramref name="locale"/> (the platform's, when the person is the one speaking),
    /// else English. The one chain every reader's language comes from (a turn's answer, a direct message to someone else).
    /// </summary>
    public static async Task<Lang> ResolveLanguageAsync(ISettingsStore settings, ConversationKey conversation, string userId, string? locale, CancellationToken cancellationToken)
    {
        var workspace = conversation.WorkspaceKey;
        return await settings.GetUserLanguageAsync(workspace, userId, cancellationToken)
            ?? await settings.GetChannelLanguageAsync(conversation.ChannelOnly, cancellationToken)
            ?? await settings.GetWorkspaceLanguageAsync(workspace, cancellationToken)
            ?? Culture.Parse(locale)
            ?? Lang.En;
    }

    /// <summary>The user's time zone: their own choice, else the platform's, else the workspace's, else UTC.</summary>
    public async Task<TimeZoneInfo> ResolveTimeZoneAsync(Turn turn, CancellationToken cancellationToken)
    {
        var workspace = turn.Conversation.WorkspaceKey;
        return Zones.Find(await settings.GetUserSettingAsync(workspace, turn.User.Id, Zones.Setting, cancellationToken))
            ?? Zones.Find(turn.User.TimeZone)
            ?? Zones.Find(await settings.GetChannelSettingAsync(Zones.WorkspaceSettings(turn.Conversation), Zones.Setting, cancellationToken))
            ?? TimeZoneInfo.Utc;
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

    private async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string text, bool share, CancellationToken cancellationToken)
    {
        var (command, args) = SplitCommand(text);
        switch (command)
        {
            case "" or "help" or "帮助":
                return [Help(context, null)];
            case "lang" or "语言":
                return await SetLanguageAsync(context, args, cancellationToken);
            case "timezone" or "tz" or "时区":
                return await SetTimeZoneAsync(context, args, cancellationToken);
        }

        var flow = registry.ForCommand(command);
        if (flow is null)
        {
            Log.UnknownCommand(logger, command);
            return [Help(context, command)];
        }

        var replies = await flow.OnCommandAsync(context, args, cancellationToken);
        if (!flow.IsLookup(command, args))
        {
            return replies;
        }

        return share ? Shared(context, replies) : ForAsker(context, text, replies);
    }

    /// <summary>A lookup's answer goes to the asker only, with a button that shares it (run again) in the channel.</summary>
    private static IReadOnlyList<Reply> ForAsker(FlowContext context, string text, IReadOnlyList<Reply> replies)
    {
        var command = text.Trim();
        var button = command.Length <= MaxShareCommandLength ? new Button(context.T(CoreStrings.Share), ShareAction, command) : null;
        return [.. replies.Select(r => r.Placement == ReplyPlacement.Artefact || r.Form is not null ? r : r with
        {
            Visibility = ReplyVisibility.Ephemeral,
            Blocks = button is null ? r.Blocks : [.. r.Blocks, new ActionsBlock([button])],
        })];
    }

    private static IReadOnlyList<Reply> Shared(FlowContext context, IReadOnlyList<Reply> replies) =>
        [.. replies.Select(r => r.Placement == ReplyPlacement.Artefact || r.Form is not null ? r : r with
        {
            Visibility = ReplyVisibility.Channel,
            Placement = ReplyPlacement.NewMessage,
            Blocks = [.. r.Blocks, new ContextBlock(context.T(CoreStrings.SharedBy, Markup.Mention(context.User.Id)))],
        })];

    private async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        if (ActionMenu.IsChoice(action.ActionId))
        {
            // A choice from a menu is the action of the option chosen; the flow sees it as that button's press.
            var chosen = ActionMenu.Unpack(action);
            if (chosen is null)
            {
                Log.UnknownAction(logger, action.ActionId);
                return context.Notice(CoreStrings.UnknownAction);
            }

            action = chosen;
            context = new FlowContext(context.Turn with { Input = chosen }, context.Lang, context.Clock, context.Zone);
        }

        if (action.ActionId == ShareAction)
        {
            // The lookup runs again for the channel (current results), as the command it was, never as the button press.
            var command = context.Turn with { Input = new CommandInput(action.Value ?? string.Empty) };
            return await OnCommandAsync(new FlowContext(command, context.Lang, context.Clock, context.Zone), action.Value ?? string.Empty, share: true, cancellationToken);
        }

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
        lines.Add(context.T(CoreStrings.TimeZoneCommand));
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
        switch (Scope(words.Skip(1)))
        {
            case SettingScope.Channel:
                await settings.SetChannelLanguageAsync(context.Channel, lang.Value, cancellationToken);
                return [Reply.Notice(CoreStrings.LangSetChannel.Get(lang.Value))];
            case SettingScope.Workspace:
                await settings.SetWorkspaceLanguageAsync(workspace, lang.Value, cancellationToken);
                return [Reply.Notice(CoreStrings.LangSetWorkspace.Get(lang.Value))];
            default:
                await settings.SetUserLanguageAsync(workspace, context.User.Id, lang.Value, cancellationToken);
                return [Reply.Notice(CoreStrings.LangSetUser.Get(lang.Value))];
        }
    }

    private async Task<IReadOnlyList<Reply>> SetTimeZoneAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return context.Notice(CoreStrings.TimeZoneShow, Markup.Escape(context.Zone.Id), HumanDate.Describe(context.Today, context.Lang));
        }

        var zone = Zones.Find(words[0]);
        if (zone is null)
        {
            return context.Notice(CoreStrings.TimeZoneUsage, Markup.Escape(words[0]));
        }

        switch (Scope(words.Skip(1)))
        {
            case SettingScope.Workspace:
                await settings.SetChannelSettingAsync(Zones.WorkspaceSettings(context.Channel), Zones.Setting, zone.Id, cancellationToken);
                return context.Notice(CoreStrings.TimeZoneSetWorkspace, Markup.Escape(zone.Id));
            case SettingScope.Channel:
                return context.Notice(CoreStrings.TimeZoneNoChannel);
            default:
                await settings.SetUserSettingAsync(context.Turn.Conversation.WorkspaceKey, context.User.Id, Zones.Setting, zone.Id, cancellationToken);
                var today = HumanDate.Today(context.Now, zone);
                return context.Notice(CoreStrings.TimeZoneSetUser, Markup.Escape(zone.Id), HumanDate.Describe(today, context.Lang));
        }
    }

    private static SettingScope Scope(IEnumerable<string> words)
    {
        var scope = SettingScope.User;
        foreach (var word in words)
        {
            switch (word.ToLowerInvariant())
            {
                case "channel" or "频道" or "本频道":
                    scope = SettingScope.Channel;
                    break;
                case "workspace" or "team" or "工作区" or "团队":
                    scope = SettingScope.Workspace;
                    break;
            }
        }

        return scope;
    }

    private enum SettingScope
    {
        User,
        Channel,
        Workspace,
    }
}
