namespace GtmBot.Engine.Flows;

/// <summary>
/// The contract between the edges and the quote flow for capturing a message as a customer quote
/// (Slack message shortcut or reaction, Teams message action, local page): the edge sends an <see cref="ActionInput"/>
/// with <see cref="ActionId"/> and these form fields.
/// </summary>
public static class QuoteCapture
{
    public const string ActionId = "quote.capture";

    /// <summary>The message text as the platform gave it (markup is stripped by the flow before tagging).</summary>
    public const string Text = "text";

    /// <summary>The customer (account), when the person capturing names it.</summary>
    public const string Customer = "customer";

    /// <summary>Platform id of the message's author.</summary>
    public const string Author = "author";

    /// <summary>Display name of the message's author, when known.</summary>
    public const string AuthorName = "author_name";

    /// <summary>Link to the original message, when the platform has one.</summary>
    public const string Permalink = "permalink";

    /// <summary>Platform id of the original message (Slack ts, Teams activity id).</summary>
    public const string MessageId = "message_id";

    /// <summary>How it was captured: <c>slash</c>, <c>shortcut</c>, <c>reaction</c>, <c>message-action</c>, <c>local</c>.</summary>
    public const string Source = "source";
}
