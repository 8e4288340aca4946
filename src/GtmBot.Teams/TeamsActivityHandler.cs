using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Delivery;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Connector;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    TeamsPeople people,
    IOptions<TeamsOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<TeamsActivityHandler> logger)
{
    /// <summary>Show the typing indicator when the engine takes longer than this.</summary>
    public static readonly TimeSpan TypingDelay = TimeSpan.FromSeconds(1);

    /// <summary>"Not implemented" for invokes we do not handle, as the Bot Framework answers them.</summary>
    /// <see href="https://learn.microsoft.com/azure/bot-service/bot-builder-basics#the-activity-processing-stack"/>
    public const int NotImplemented = 501;

    /// <summary>
    /// Handles the activity within <see cref="TeamsOptions.ResponseBudget"/>. Handling that takes longer goes on after the
    /// answer (it is not tied to the request): its replies go to the outbox, and the answer says so — an invoke gets a
    /// "still working" notice, a dialog that could not open in time asks to try again, a message gets its 200.
    /// </summary>
    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var budget = new ResponseBudget(options.Value.ResponseBudget);
        var work = HandleDedupedAsync(activity, budget, lifetime.ApplicationStopping);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expiry = Task.Delay(budget.Length, clock, timer.Token);
        if (await Task.WhenAny(work, expiry) == work || !budget.TryExpire())
        {
            await timer.CancelAsync();
            return await work;
        }

        Log.OverBudget(logger, activity.Type, activity.Name, (int)budget.Length.TotalMilliseconds);
        _ = FinishLateAsync(work, activity);
        return LateAnswer(activity);
    }

    /// <summary>What an activity whose handling outlived the budget is answered, in the language of the person's client.</summary>
    internal static ActivityResult LateAnswer(Activity a)
    {
        var lang = Culture.Parse(ActivityMapper.Locale(a)) ?? Lang.En;
        return a.Type != ActivityTypes.Invoke ? ActivityResult.Ok : a.Name switch
        {
            InvokeNames.FetchTask => new ActivityResult(200, TaskMessage(TeamsStrings.DialogNotOpened.Get(lang))),
            InvokeNames.SubmitAction => new ActivityResult(200, TaskMessage(TeamsStrings.StillWorking.Get(lang))),
            InvokeNames.AdaptiveCardAction => new ActivityResult(200, InvokeMessage(TeamsStrings.StillWorking.Get(lang))),
            _ => new ActivityResult(NotImplemented),
        };
    }

    /// <summary>Observes handling that outlived its answer, so its failure is logged rather than lost.</summary>
    private async Task FinishLateAsync(Task<ActivityResult> work, Activity activity)
    {
        try
        {
            await work;
            Log.FinishedLate(logger, activity.Type, activity.Name);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, activity.Type, ex);
        }
    }

    private async Task<ActivityResult> HandleDedupedAsync(Activity activity, ResponseBudget budget, CancellationToken cancellationToken)
    {
        // Let the caller start its budget clock before any of the work runs synchronously.
        await Task.Yield();
        if (activity.Id is not { Length: > 0 } id)
        {
            return await HandleOnceAsync(activity, budget, cancellationToken);
        }

        // Activity ids are unique per conversation; done only once handled, so a failed first attempt lets the retry through.
        var key = new InboundEventKey(Platforms.Teams, activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id ?? string.Empty, activity.Conversation?.Id ?? string.Empty, id);
        return await dedupe.HandleOnceAsync(key, () => HandleOnceAsync(activity, budget, cancellationToken), () =>
        {
            Log.Duplicate(logger, id);
            return activity.Type == ActivityTypes.Invoke ? new ActivityResult(200, InvokeMessage(string.Empty)) : ActivityResult.Ok;
        }, cancellationToken);
    }

    private async Task<ActivityResult> HandleOnceAsync(Activity activity, ResponseBudget budget, CancellationToken cancellationToken)
    {
        var route = ActivityMapper.Map(activity);
        people.Learn(activity);
        var isNew = await RememberAsync(activity, cancellationToken);
        switch (route)
        {
            case IgnoredRoute ignored:
                Log.Ignored(logger, ignored.Reason);
                return ignored.IsInvoke ? new ActivityResult(NotImplemented) : ActivityResult.Ok;
            case WelcomeRoute:
                if (isNew)
                {
                    await WelcomeAsync(activity, budget, cancellationToken);
                }

                return ActivityResult.Ok;
            case FetchTaskRoute fetch:
                return await FetchTaskAsync(activity, fetch, cancellationToken);
            case TurnRoute turn:
                return await TurnAsync(activity, turn, budget, cancellationToken);
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
        var isNew = await references.SaveAsync(key.ChannelOnly, JsonSerializer.Serialize(reference, TeamsJson.Default.TeamsConversationReference), cancellationToken);
        await RememberPersonAsync(a, key, cancellationToken);
        return isNew;
    }

    /// <summary>
    /// Remembers how to reach the person who acted in a direct message: under the id the bot knows them by (their Entra object
    /// id, as quotes record it), their Teams user id (<c>29:…</c>) and, from a personal chat, the 1:1 chat's id.
    /// </summary>
    private async Task RememberPersonAsync(Activity a, ConversationKey key, CancellationToken cancellationToken)
    {
        if (a.From?.Id is not { Length: > 0 } teamsUserId || teamsUserId == a.Recipient?.Id)
        {
            return;
        }

        var person = ConversationKey.Direct(Platforms.Teams, key.Workspace, ActivityMapper.User(a).Id);
        var personal = string.Equals(a.Conversation?.ConversationType, TeamsConversationReference.PersonalType, StringComparison.OrdinalIgnoreCase);
        var known = await references.GetAsync(person, cancellationToken) is { } json ? JsonSerializer.Deserialize(json, TeamsJson.Default.TeamsConversationReference) : null;
        var chat = personal ? key.Channel : known?.ConversationId ?? string.Empty;
        var reference = new TeamsConversationReference(
            a.ServiceUrl!, chat, TeamsConversationReference.PersonalType, key.Workspace, a.Recipient?.Id, a.Recipient?.Name, null, ActivityMapper.Locale(a), teamsUserId);
        if (reference != known)
        {
            await references.SaveAsync(person, JsonSerializer.Serialize(reference, TeamsJson.Default.TeamsConversationReference), cancellationToken);
        }
    }

    private async Task WelcomeAsync(Activity a, ResponseBudget budget, CancellationToken cancellationToken)
    {
        var lang = Culture.Parse(ActivityMapper.Locale(a)) ?? Lang.En;
        var reply = new Reply(
            [new HeaderBlock(TeamsStrings.WelcomeTitle.Get(lang)), new TextBlock(TeamsStrings.WelcomeBody.Get(lang)), new ContextBlock(TeamsStrings.WelcomeContext.Get(lang))],
            TeamsStrings.WelcomeTitle.Get(lang));
        await SendOrQueueAsync(a, reply, budget, activity => connector.SendAsync(a.ServiceUrl!, a.Conversation!.Id!, activity, cancellationToken), cancellationToken);
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

        // The dialog is the quote flow's: its strings, its form; the edge only renders it.
        var reply = QuoteFlow.CaptureDialog(lang, fetch.Text);
        var card = AdaptiveCardRenderer.RenderDialog(reply);
        var info = new TaskModuleTaskInfo(reply.Text, AdaptiveCardRenderer.Attach(card));
        return new ActivityResult(200, new TaskModuleResponse(new TaskModuleResponseBody("continue", JsonSerializer.SerializeToElement(info, TeamsJson.Default.TaskModuleTaskInfo))));
    }

    /// <summary>What each way a turn arrives allows its replies to do (the rest is the plan's job).</summary>
    internal static OriginCapabilities Origin(TurnKind kind, bool hasSource) => kind switch
    {
        TurnKind.CardAction => new(ResponseSlot.CardRefresh),
        TurnKind.MessageAction => new(ResponseSlot.DialogResult),
        TurnKind.Submit => new(ResponseSlot.None, CanReplaceSource: hasSource),
        _ => new(),
    };

    private async Task<ActivityResult> TurnAsync(Activity a, TurnRoute route, ResponseBudget budget, CancellationToken cancellationToken)
    {
        var result = await WithTypingAsync(a, route, engine.RunAsync(route.Turn, cancellationToken), budget, cancellationToken);
        var plan = DeliveryPlan.For(result, Origin(route.Kind, a.ReplyToId is not null));
        if (plan.Replace is { } replace)
        {
            // An update in place is idempotent (retried inline), so it is made even after the budget ran out.
            var card = AdaptiveCardRenderer.Render(replace, people.NameOf)[0];
            await TrySendAsync(async () =>
            {
                await connector.UpdateAsync(a.ServiceUrl!, a.Conversation!.Id!, a.ReplyToId!, Message(a, card, replace.Text), cancellationToken);
                return a.ReplyToId;
            });
        }

        await SendAllAsync(a, plan.Later, budget, cancellationToken);
        if (route.Kind is TurnKind.CardAction or TurnKind.MessageAction && plan.Response is { } late && !budget.TryFinish())
        {
            // The invoke was answered "still working": the answer it would have carried goes into the conversation.
            await QueueAsync(a, late, cancellationToken);
            return ActivityResult.Ok;
        }

        switch (route.Kind)
        {
            case TurnKind.CardAction when plan.Response is { } refresh && (refresh.Placement is ReplyPlacement.ReplaceOriginal or ReplyPlacement.Artefact || refresh.Form is not null):
                // The card the person pressed is refreshed by the invoke's response.
                var refreshed = AdaptiveCardRenderer.Render(refresh, people.NameOf)[0];
                return new ActivityResult(200, new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.CardType, JsonSerializer.SerializeToElement(refreshed, TeamsJson.Default.AdaptiveCard)));
            case TurnKind.CardAction:
                return new ActivityResult(200, InvokeMessage(plan.Response?.Text ?? string.Empty));
            case TurnKind.MessageAction:
                // The dialog closes with the flow's private answer (or a confirmation); what everyone sees went into the conversation.
                return new ActivityResult(200, TaskMessage(plan.Response?.Text ?? TeamsStrings.QuoteDone.Get(plan.Lang)));
            default:
                return ActivityResult.Ok;
        }
    }

    /// <summary>Awaits the engine; shows "typing…" in the conversation if it takes long (not for invokes: they answer in place).</summary>
    private async Task<TurnResult> WithTypingAsync(Activity a, TurnRoute route, Task<TurnResult> work, ResponseBudget budget, CancellationToken cancellationToken)
    {
        if (route.Kind is TurnKind.Message or TurnKind.Submit)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(TypingDelay, clock, cts.Token);
            if (await Task.WhenAny(work, delay) == delay && !work.IsCompleted && !budget.IsExpired)
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
    /// delivered later, as does every reply once the response budget has run out. One whose answer was lost after sending is
    /// not queued: it may have arrived (see <see cref="TeamsMessenger"/>).
    /// </summary>
    private async Task SendAllAsync(Activity a, IEnumerable<Reply> replies, ResponseBudget budget, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await SendOrQueueAsync(a, reply, budget, activity => connector.ReplyAsync(a.ServiceUrl!, a.Conversation!.Id!, a.Id ?? string.Empty, activity, cancellationToken), cancellationToken);
        }
    }

    private async Task SendOrQueueAsync(Activity a, Reply reply, ResponseBudget budget, Func<OutboundActivity, Task<string?>> send, CancellationToken cancellationToken)
    {
        if (budget.IsExpired)
        {
            await QueueAsync(a, reply, cancellationToken);
            return;
        }

        try
        {
            foreach (var card in AdaptiveCardRenderer.Render(reply, people.NameOf))
            {
                await send(Message(a, card, reply.Text));
            }
        }
        catch (ConnectorException ex) when (!ex.Ambiguous)
        {
            Log.ReplyFailed(logger, ex);
            await QueueAsync(a, reply, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            Log.ReplyFailed(logger, ex);
        }
    }

    private Task QueueAsync(Activity a, Reply reply, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(new OutboundMessage(ActivityMapper.Conversation(a), reply with { Placement = ReplyPlacement.NewMessage }), cancellationToken);

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
