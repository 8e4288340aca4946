using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Api;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Strings;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// Forms as Slack modals: opening one within the trigger's life, the answer to a modal's submit (<c>response_action</c>),
/// and the "try again" button of a form that could not open in time.
/// </summary>
internal sealed class SlackModals(SlackApiClient api, TimeProvider clock, ILogger<SlackModals> logger)
{
    /// <summary>The action id of the button that opens a form again (handled by the Slack edge, not by a flow).</summary>
    public const string RetryActionId = "slack.form.retry";

    /// <summary>Slack waits this long for the acknowledgement, and a trigger_id lives as long.</summary>
    /// <see href="https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response"/>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait for views.open: the ack must still leave in time, so the request is dropped after this.</summary>
    public static readonly TimeSpan OpenBudget = TimeSpan.FromMilliseconds(1500);

    /// <summary>Kept free before <see cref="AckDeadline"/> for the rest of the request (the answer, the network).</summary>
    public static readonly TimeSpan AckMargin = TimeSpan.FromMilliseconds(500);

    private const string CommandKind = "c";
    private const string ActionKind = "a";

    /// <summary>Opens the form as a modal; false when Slack refused it or it did not open within the budget.</summary>
    public async Task<bool> TryOpenAsync(SlackReplyTarget target, Reply reply, Lang lang, CancellationToken ct)
    {
        if (target.Auth is null || target.TriggerId is null)
        {
            return false;
        }

        var left = AckDeadline - AckMargin - clock.GetElapsedTime(target.Started);
        var budget = left < OpenBudget ? left : OpenBudget;
        if (budget <= TimeSpan.Zero)
        {
            Log.FormTimedOut(logger, reply.Form!.SubmitActionId, 0);
            return false;
        }

        var metadata = new ModalMetadata(reply.Form!.Value, target.Conversation.Channel, target.Conversation.Thread, target.SourceTs, target.ResponseUrl);
        KitView view;
        try
        {
            view = BlockKitRenderer.RenderModal(reply, metadata, null, lang);
        }
        catch (ArgumentException e)
        {
            // The modal cannot carry what it must (e.g. a channel or message id far longer than Slack's own, so the
            // private_metadata passes its limit): the person is told the form did not open, never a 500.
            Log.FollowUpFailed(logger, "views.open", e.Message);
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(budget);
        try
        {
            await api.OpenViewAsync(target.Auth.BotToken, target.TriggerId, view, timeout.Token);
            return true;
        }
        catch (SlackApiException e)
        {
            // An expired trigger, no scope, a 5xx: the person is told and can try again.
            Log.FollowUpFailed(logger, e.Method, e.Error);
            return false;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException && !ct.IsCancellationRequested)
        {
            Log.FormTimedOut(logger, reply.Form.SubmitActionId, (int)budget.TotalMilliseconds);
            return false;
        }
    }

    /// <summary>
    /// Said instead of a form that did not open: it may still open late, so the notice says what to do either way. The
    /// button runs the same input again (a press brings a fresh trigger_id); an input too big for a button value gets none.
    /// </summary>
    public static Reply NotOpened(TurnInput input, Lang lang)
    {
        var blocks = new List<ReplyBlock> { new TextBlock(Markup.Escape(SlackStrings.FormNotOpened.Get(lang))) };
        var value = RetryValue(input);
        if (value is not null && value.Length <= SlackLimits.MaxButtonValue)
        {
            blocks.Add(new ActionsBlock([new Button(SlackStrings.FormRetry.Get(lang), RetryActionId, value, ButtonStyle.Primary)]));
        }

        return new Reply(blocks, SlackStrings.FormNotOpened.Get(lang), ReplyVisibility.Ephemeral);
    }

    /// <summary>The input a retry button carries, back; null when the value is not one of ours.</summary>
    public static TurnInput? ReadRetry(string? value)
    {
        var parts = ActionValue.Split(value);
        if (parts is [CommandKind, var text])
        {
            return new CommandInput(text);
        }

        if (parts.Count >= 3 && parts[0] == ActionKind && parts.Count % 2 == 1 && parts[1].Length > 0)
        {
            var form = new Dictionary<string, string?>();
            for (var i = 3; i + 1 < parts.Count; i += 2)
            {
                form[parts[i]] = parts[i + 1];
            }

            return new ActionInput(parts[1], parts[2].Length == 0 ? null : parts[2], form);
        }

        return null;
    }

    /// <summary>
    /// The acknowledgement of a modal submit. No form in the answer closes the modal. A refused form with inputs shows its
    /// error at the first input (errors are keyed by block_id); any other form replaces the view, keeping the person's text.
    /// </summary>
    /// <see href="https://docs.slack.dev/surfaces/modals#displaying_errors"/>
    public static SlackAck SubmissionAck(Reply? formReply, ModalMetadata modal, string callbackId, ActionInput submitted, Lang lang)
    {
        if (formReply is null)
        {
            return SlackAck.Empty;
        }

        var form = formReply.Form!;
        if (!string.IsNullOrWhiteSpace(form.Error) && form.Inputs.Count > 0 && form.SubmitActionId == callbackId)
        {
            return new SlackAck(new JsonObject
            {
                ["response_action"] = "errors",
                ["errors"] = new JsonObject { [form.Inputs[0].Id] = SlackText.Truncate(Markup.ToPlainText(form.Error), SlackLimits.MaxInputLabel) },
            });
        }

        var view = BlockKitRenderer.RenderModal(formReply, modal with { V = form.Value }, string.IsNullOrWhiteSpace(form.Error) ? null : submitted.Form, lang);
        return new SlackAck(new JsonObject { ["response_action"] = "update", ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Default.KitView) });
    }

    private static string? RetryValue(TurnInput input) => input switch
    {
        CommandInput c => ActionValue.Join(CommandKind, c.Text),
        ActionInput a => ActionValue.Join([ActionKind, a.ActionId, a.Value ?? string.Empty, .. a.Form.SelectMany(f => new[] { f.Key, f.Value ?? string.Empty })]),
        _ => null,
    };
}
