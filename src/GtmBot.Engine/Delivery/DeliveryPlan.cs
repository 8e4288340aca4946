using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Delivery;

/// <summary>What a turn produced: its replies and the language the engine answered in (renderers use the same).</summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, Lang Lang);

/// <summary>What the HTTP response of the request that carried a turn may hold.</summary>
public enum ResponseSlot
{
    /// <summary>Only a status: everything goes after the response (events, Teams messages).</summary>
    None,

    /// <summary>A message in the acknowledgement (Slack slash command body with <c>response_type</c>).</summary>
    Message,

    /// <summary>A form submit's answer: the form again (Slack <c>response_action</c> update/errors); no reply closes the form.</summary>
    FormResult,

    /// <summary>An invoke on a card: a card that replaces the pressed one, or a short message (Teams <c>adaptiveCard/action</c>).</summary>
    CardRefresh,

    /// <summary>A dialog's submit: a short message that closes it (Teams task module <c>submitAction</c>).</summary>
    DialogResult,

    /// <summary>A dialog's fetch: the form to show (Teams task module <c>fetchTask</c>).</summary>
    DialogForm,
}

/// <summary>What the origin of a turn can do with its replies.</summary>
/// <param name="Response">What the HTTP response may carry.</param>
/// <param name="CanReplaceSource">The message the turn came from can be replaced (Slack response_url or chat.update, Teams update).</param>
/// <param name="CanOpenForm">A form can be opened now (Slack trigger_id).</param>
public sealed record OriginCapabilities(ResponseSlot Response = ResponseSlot.None, bool CanReplaceSource = false, bool CanOpenForm = false);

/// <summary>
/// Where each reply of a turn goes. Artefact replies are never in it: the engine queued them in the outbox.
/// </summary>
/// <param name="Response">The reply carried by the HTTP response (what <see cref="OriginCapabilities.Response"/> allows), if any.</param>
/// <param name="Replace">The reply that replaces the source message, if any.</param>
/// <param name="Form">The reply whose form opens now (Slack modal), if any.</param>
/// <param name="Later">Replies delivered after the response, in order.</param>
/// <param name="Lang">The language to render in.</param>
public sealed record DeliveryPlan(Reply? Response, Reply? Replace, Reply? Form, IReadOnlyList<Reply> Later, Lang Lang)
{
    /// <summary>Decides where each reply goes. Pure: the same result and origin always give the same plan.</summary>
    public static DeliveryPlan For(TurnResult result, OriginCapabilities origin)
    {
        // Indexes, not equality: two replies may be equal records and still be two messages.
        var replies = result.Replies;
        int response = -1, replace = -1, form = -1;
        bool NotArtefact(Reply r) => r.Placement != ReplyPlacement.Artefact;
        int First(Func<Reply, bool> match) => Find(replies, (i, r) => i != response && i != form && match(r));

        switch (origin.Response)
        {
            case ResponseSlot.FormResult or ResponseSlot.DialogForm:
                response = First(r => r.Form is not null && NotArtefact(r));
                break;
            case ResponseSlot.CardRefresh:
                // The pressed card is refreshed in place: the flow's replacement, else its form, else the artefact it belongs
                // to; without any of them, a short notice answers the press.
                response = First(r => r.Placement == ReplyPlacement.ReplaceOriginal);
                response = response >= 0 ? response : First(r => r.Form is not null && r.Visibility == ReplyVisibility.Ephemeral && NotArtefact(r));
                response = response >= 0 ? response : First(r => !NotArtefact(r));
                response = response >= 0 ? response : First(r => r.Visibility == ReplyVisibility.Ephemeral);
                break;
            case ResponseSlot.DialogResult:
                response = First(r => r.Visibility == ReplyVisibility.Ephemeral && r.Form is null && NotArtefact(r));
                break;
        }

        if (origin.CanOpenForm && origin.Response is not (ResponseSlot.FormResult or ResponseSlot.DialogForm))
        {
            form = First(r => r.Form is not null && NotArtefact(r));
        }

        if (origin.CanReplaceSource)
        {
            replace = First(r => r.Placement == ReplyPlacement.ReplaceOriginal);
        }

        if (origin.Response == ResponseSlot.Message)
        {
            response = Find(replies, (i, r) => i != form && i != replace && r.Placement == ReplyPlacement.NewMessage);
        }

        var later = new List<Reply>();
        for (var i = 0; i < replies.Count; i++)
        {
            var reply = replies[i];
            if (i == response || i == replace || i == form || !NotArtefact(reply))
            {
                continue;
            }

            // A replacement with nothing to replace becomes a new message rather than being lost.
            later.Add(reply.Placement == ReplyPlacement.ReplaceOriginal ? reply with { Placement = ReplyPlacement.NewMessage } : reply);
        }

        return new DeliveryPlan(At(replies, response), At(replies, replace), At(replies, form), later, result.Lang);
    }

    private static int Find(IReadOnlyList<Reply> replies, Func<int, Reply, bool> match)
    {
        for (var i = 0; i < replies.Count; i++)
        {
            if (match(i, replies[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static Reply? At(IReadOnlyList<Reply> replies, int index) => index >= 0 ? replies[index] : null;
}
