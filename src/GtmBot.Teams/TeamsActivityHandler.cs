using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Connector;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace GtmBot.Teams;

/// <summary>What to answer on the HTTP request: a status, and for invokes a JSON body.</summary>
internal sealed record ActivityResult(int Status, object? Body = null)
{
    public static readonly ActivityResult Ok = new(200);
}

/// <summary>
/// Handles one verified activity: deduplicates it, remembers the conversation, routes it (<see cref="ActivityMapper"/>),
/// runs the engine and sends the replies through the Bot Connector. Invokes are answered in the response.
/// </summary>
internal sealed class TeamsActivityHandler(
    ConversationEngine engine,
    IInboundDedupe dedupe,
    IConversationReferenceStore references,
    ConnectorClient connector,
    IOutbox outbox,
    TimeProvider clock,
    ILogger<TeamsActivityHandler> logger)
{
    /// <summary>Show the typing indicator when the engine takes longer than this.</summary>
    public static readonly TimeSpan TypingDelay = TimeSpan.FromSeconds(1);

    /// <summary>"Not implemented" for invokes we do not handle, as the Bot Framework answers them.</summary>
    /// <see href="https://learn.microsoft.com/azure/bot-service/bot-builder-basics#the-activity-processing-stack"/>
    public const int NotImplemented = 501;

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 } id)
        {
            return await HandleOnceAsync(activity, cancellationToken);
        }

        // Activity ids are unique per conversation; done only once handled, so a failed first attempt lets the retry through.
        var key = new InboundEventKey(Platforms.Teams, activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id ?? string.Empty, activity.Conversation?.Id ?? string.Empty, id);
        return await dedupe.HandleOnceAsync(key, () => HandleOnceAsync(activity, cancellationToken), () =>
        {
            Log.Duplicate(logger, id);
            return activity.Type == ActivityTypes.Invoke ? new ActivityResult(200, InvokeMessage(string.Empty)) : ActivityResult.Ok;
        }, cancellationToken);
    }

    private async Task<ActivityResult> HandleOnceAsync(Activity activity, CancellationToken cancellationToken)
    {
        var route = ActivityMapper.Map(activity);
        var isNew = await RememberAsync(activity, cancellationToken);
        switch (route)
        {
            case IgnoredRoute ignored:
                Log.Ignored(logger, ignored.Reason);
                return ignored.IsInvoke ? new ActivityResult(NotImplemented) : ActivityResult.Ok;
            case WelcomeRoute:
                if (isNew)
                {
                    await WelcomeAsync(activity, cancellationToken);
                }

                return ActivityResult.Ok;
            case FetchTaskRoute fetch:
                return await FetchTaskAsync(activity, fetch, cancellationToken);
            case TurnRoute turn:
                return await TurnAsync(activity, turn, cancellationToken);
            default:
                return ActivityResult.Ok;
        }
    }

    private async Task<bool> RememberAsync(Activity a, CancellationToken cancellationToken)
    {
        if (a.ServiceUrl is null || a.Conversation?.Id is null)
        {
            return false;
        }

        var key = ActivityMapper.Conversation(a);
        var reference = new TeamsConversationReference(
            a.ServiceUrl, key.Channel, a.Conversation.ConversationType, key.Workspace, a.Recipient?.Id, a.Recipient?.Name,
            a.ChannelData?.Team?.Id, ActivityMapper.Locale(a));
        return await references.SaveAsync(key.ChannelOnly, JsonSerializer.Serialize(reference, TeamsJson.Default.TeamsConversationReference), cancellationToken);
    }

    private async Task WelcomeAsync(Activity a, CancellationToken cancellationToken)
    {
        var lang = Culture.Parse(ActivityMapper.Locale(a)) ?? Lang.En;
        var reply = new Reply(
            [new HeaderBlock(TeamsStrings.WelcomeTitle.Get(lang)), new TextBlock(TeamsStrings.WelcomeBody.Get(lang)), new ContextBlock(TeamsStrings.WelcomeContext.Get(lang))],
            TeamsStrings.WelcomeTitle.Get(lang));
        await SendOrQueueAsync(a, reply, activity => connector.SendAsync(a.ServiceUrl!, a.Conversation!.Id!, activity, cancellationToken), cancellationToken);
    }

    private async Task<ActivityResult> FetchTaskAsync(Activity a, FetchTaskRoute fetch, CancellationToken cancellationToken)
    {
        var lang = await engine.ResolveLanguageAsync(new Turn(ActivityMapper.Conversation(a), ActivityMapper.User(a), ActivityMapper.Locale(a), new CommandInput(string.Empty)), cancellationToken);
        if (fetch.CommandId is not null && fetch.CommandId != ActivityMapper.QuoteCommandId)
        {
            return new ActivityResult(200, TaskMessage(TeamsStrings.UnknownCommand.Get(lang)));
        }

        if (string.IsNullOrWhiteSpace(fetch.Text))
        {
            return new ActivityResult(200, TaskMessage(TeamsStrings.QuoteEmpty.Get(lang)));
        }

        var form = new FormBlock(
            TeamsStrings.QuoteDialogTitle.Get(lang),
            Engine.Flows.QuoteCapture.ActionId,
            null,
            [new FormInput(Engine.Flows.QuoteCapture.Customer, TeamsStrings.QuoteCustomerLabel.Get(lang), InputKind.Text, Placeholder: TeamsStrings.QuoteCustomerPlaceholder.Get(lang), MaxLength: 200)],
            TeamsStrings.QuoteSubmit.Get(lang));
        var reply = new Reply([new TextBlock("> " + Markup.Escape(fetch.Text)), form], TeamsStrings.QuoteDialogTitle.Get(lang));
        var card = AdaptiveCardRenderer.RenderDialog(reply);
        var info = new TaskModuleTaskInfo(TeamsStrings.QuoteDialogTitle.Get(lang), AdaptiveCardRenderer.Attach(card));
        return new ActivityResult(200, new TaskModuleResponse(new TaskModuleResponseBody("continue", JsonSerializer.SerializeToElement(info, TeamsJson.Default.TaskModuleTaskInfo))));
    }

    private async Task<ActivityResult> TurnAsync(Activity a, TurnRoute route, CancellationToken cancellationToken)
    {
        var replies = await WithTypingAsync(a, route, engine.HandleAsync(route.Turn, cancellationToken), cancellationToken);
        switch (route.Kind)
        {
            case TurnKind.CardAction:
                {
                    // The card the person pressed is refreshed by the invoke's response; the rest goes into the conversation.
                    var refresh = replies.FirstOrDefault(r => r.Placement == ReplyPlacement.ReplaceOriginal)
                        ?? replies.FirstOrDefault(r => r.Form is not null && r.Visibility == ReplyVisibility.Ephemeral)
                        ?? replies.FirstOrDefault(r => r.Placement == ReplyPlacement.Artefact);
                    var notice = refresh is null ? replies.FirstOrDefault(r => r.Visibility == ReplyVisibility.Ephemeral) : null;
                    await SendAllAsync(a, replies.Where(r => r != refresh && r != notice && r.Placement != ReplyPlacement.Artefact), cancellationToken);
                    if (refresh is not null)
                    {
                        var card = AdaptiveCardRenderer.Render(refresh)[0];
                        return new ActivityResult(200, new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.CardType, JsonSerializer.SerializeToElement(card, TeamsJson.Default.AdaptiveCard)));
                    }

                    return new ActivityResult(200, InvokeMessage(notice?.Text ?? string.Empty));
                }

            case TurnKind.MessageAction:
                {
                    // The dialog closes with the flow's private answer (or a confirmation); what everyone sees goes into the conversation.
                    var notice = replies.FirstOrDefault(r => r.Visibility == ReplyVisibility.Ephemeral && r.Form is null);
                    await SendAllAsync(a, replies.Where(r => r != notice && r.Placement != ReplyPlacement.Artefact), cancellationToken);
                    var lang = await engine.ResolveLanguageAsync(route.Turn, cancellationToken);
                    return new ActivityResult(200, TaskMessage(notice?.Text ?? TeamsStrings.QuoteDone.Get(lang)));
                }

            case TurnKind.Submit:
                {
                    var replace = replies.FirstOrDefault(r => r.Placement == ReplyPlacement.ReplaceOriginal);
                    if (replace is not null && a.ReplyToId is not null)
                    {
                        var card = AdaptiveCardRenderer.Render(replace)[0];
                        await TrySendAsync(async () =>
                        {
                            await connector.UpdateAsync(a.ServiceUrl!, a.Conversation!.Id!, a.ReplyToId, Message(a, card, replace.Text), cancellationToken);
                            return a.ReplyToId;
                        });
                    }

                    await SendAllAsync(a, replies.Where(r => r != replace && r.Placement != ReplyPlacement.Artefact), cancellationToken);
                    return ActivityResult.Ok;
                }

            default:
                await SendAllAsync(a, replies.Where(r => r.Placement != ReplyPlacement.Artefact), cancellationToken);
                return ActivityResult.Ok;
        }
    }

    /// <summary>Awaits the engine; shows "typing…" in the conversation if it takes long (not for invokes: they answer in place).</summary>
    private async Task<IReadOnlyList<Reply>> WithTypingAsync(Activity a, TurnRoute route, Task<IReadOnlyList<Reply>> work, CancellationToken cancellationToken)
    {
        if (route.Kind is TurnKind.Message or TurnKind.Submit)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(TypingDelay, clock, cts.Token);
            if (await Task.WhenAny(work, delay) == delay && !work.IsCompleted)
            {
                var typing = new OutboundActivity { Type = ActivityTypes.Typing, From = a.Recipient, Recipient = a.From, Conversation = a.Conversation };
                await TrySendAsync(async () =>
                {
                    await connector.SendTypingAsync(a.ServiceUrl!, a.Conversation!.Id!, typing, cancellationToken);
                    return null;
                });
            }

            await cts.CancelAsync();
        }

        return await work;
    }

    /// <summary>
    /// Replies in the conversation now; a reply the connector refused (429, 5xx, connection refused) goes to the outbox and is
    /// delivered later. One whose answer was lost after sending is not queued: it may have arrived (see <see cref="TeamsMessenger"/>).
    /// </summary>
    private async Task SendAllAsync(Activity a, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await SendOrQueueAsync(a, reply, activity => connector.ReplyAsync(a.ServiceUrl!, a.Conversation!.Id!, a.Id ?? string.Empty, activity, cancellationToken), cancellationToken);
        }
    }

    private async Task SendOrQueueAsync(Activity a, Reply reply, Func<OutboundActivity, Task<string?>> send, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var card in AdaptiveCardRenderer.Render(reply))
            {
                await send(Message(a, card, reply.Text));
            }
        }
        catch (ConnectorException ex) when (!ex.Ambiguous)
        {
            Log.ReplyFailed(logger, ex);
            var later = reply with { Placement = ReplyPlacement.NewMessage };
            await outbox.EnqueueAsync(new OutboundMessage(ActivityMapper.Conversation(a), later), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            Log.ReplyFailed(logger, ex);
        }
    }

    /// <summary>
    /// The engine's state is already saved; a reply that cannot be sent now is logged rather than failing the request,
    /// so the connector does not resend an activity whose effect is done.
    /// </summary>
    private async Task TrySendAsync(Func<Task<string?>> send)
    {
        try
        {
            await send();
        }
        catch (ConnectorException ex)
        {
            Log.ReplyFailed(logger, ex);
        }
    }

    internal static OutboundActivity Message(Activity a, AdaptiveCard card, string summary) => new()
    {
        Type = ActivityTypes.Message,
        From = a.Recipient,
        Recipient = a.From,
        Conversation = a.Conversation,
        ReplyToId = a.Id,
        Summary = summary,
        Attachments = [AdaptiveCardRenderer.Attach(card)],
    };

    private static AdaptiveCardInvokeResponse InvokeMessage(string text) =>
        new(200, AdaptiveCardInvokeResponse.MessageType, JsonSerializer.SerializeToElement(text, TeamsJson.Default.String));

    private static TaskModuleResponse TaskMessage(string text) =>
        new(new TaskModuleResponseBody("message", JsonSerializer.SerializeToElement(text, TeamsJson.Default.String)));
}
