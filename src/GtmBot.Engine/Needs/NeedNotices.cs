using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Needs;

/// <summary>
/// Sales hear back: the direct message each person who captured a linked quote gets when a need's status changes, naming the
/// need, the new status, the reason and that person's own customers behind it.
/// </summary>
public static class NeedNotices
{
    /// <summary>The person's setting that turns these messages off (<c>/gtm notify off</c>).</summary>
    public const string NotifySetting = "needs.notify";

    /// <summary>The value of <see cref="NotifySetting"/> that suppresses them.</summary>
    public const string Off = "off";

    /// <summary>The idempotency key of the messages of one change: one per person and change, whatever retries happen.</summary>
    public static string Key(long needId, int seq) => $"need:{needId}:change:{seq}";

    /// <summary>Where the direct message to <paramref name="userId"/> goes.</summary>
    public static ConversationKey To(ConversationKey channel, string userId) => ConversationKey.Direct(channel.Platform, channel.Workspace, userId);

    /// <summary>The distinct people who captured the quotes, in the order of their first quote.</summary>
    public static IReadOnlyList<string> Capturers(IEnumerable<QuoteRecord> quotes) =>
        [.. quotes.OrderBy(q => q.CapturedAt).ThenBy(q => q.Id).Select(q => q.Origin.CapturedBy).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal)];

    /// <summary>The customers behind one person's quotes, each once (case, spacing and punctuation aside), as first written.</summary>
    public static IReadOnlyList<string> CustomersOf(IEnumerable<QuoteRecord> quotes, string userId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. quotes.Where(q => q.Origin.CapturedBy == userId && !string.IsNullOrWhiteSpace(q.Customer))
            .OrderBy(q => q.CapturedAt).ThenBy(q => q.Id)
            .Select(q => q.Customer!.Trim())
            .Where(c => seen.Add(ThemeEngine.NormalizeCustomer(c)))];
    }

    /// <summary>The direct message of one status change to one person, in their language.</summary>
    /// <param name="channel">The channel the need lives in.</param>
    /// <param name="need">The need after the change.</param>
    /// <param name="change">The status change.</param>
    /// <param name="recipient">Who captured some of its quotes.</param>
    /// <param name="quotes">The need's linked quotes.</param>
    /// <param name="lang">The recipient's language.</param>
    public static OutboundMessage Compose(ConversationKey channel, Need need, NeedChange change, string recipient, IReadOnlyList<QuoteRecord> quotes, Lang lang)
    {
        var status = NeedStrings.Status(need.Status).Get(lang);
        var customers = CustomersOf(quotes, recipient);
        var line = customers.Count > 0
            ? NeedStrings.DmLine.Format(lang, status, need.Title, JoinNames(lang, customers))
            : NeedStrings.DmLineNoCustomer.Format(lang, status, need.Title);
        var blocks = new List<ReplyBlock> { new TextBlock(Markup.Bold(line)) };
        if (!string.IsNullOrWhiteSpace(change.Reason))
        {
            blocks.Add(new TextBlock(NeedStrings.ReasonLine.Format(lang, Markup.Escape(change.Reason))));
        }

        blocks.Add(new ContextBlock(NeedStrings.DmContext.Format(lang, need.Number, Markup.Escape(channel.Channel), Markup.Mention(change.By))));
        var text = string.IsNullOrWhiteSpace(change.Reason) ? line : line + " — " + NeedStrings.ReasonLine.Format(lang, change.Reason);
        var reply = new Reply(blocks, text) { Route = new ReplyRoute(recipient, Lang: lang) };
        return new OutboundMessage(To(channel, recipient), reply, Key(need.Id, change.Seq));
    }

    /// <summary>"Acme and Initech", "Acme, Initech and Globex"; in Chinese "Acme、Initech".</summary>
    public static string JoinNames(Lang lang, IReadOnlyList<string> names) =>
        lang == Lang.Zh || names.Count < 2 ? Glossary.List(lang, names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
