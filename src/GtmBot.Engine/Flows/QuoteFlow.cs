using System.Globalization;
using GtmBot.Engine.Charts;
using GtmBot.Engine.Customers;
using GtmBot.Engine.Insights;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine.Flows;

/// <summary>Action ids of the quote flow (<see cref="QuoteCapture.ActionId"/> is the edges' capture).</summary>
public static class QuoteActions
{
    /// <summary>The capture form was submitted (fields <see cref="QuoteCapture.Text"/>, <see cref="QuoteCapture.Customer"/>).</summary>
    public const string Submit = "quote.submit";

    /// <summary>Toggle one tag of a quote; value <c>{id}|{tag}</c>.</summary>
    public const string Tag = "quote.tag";

    /// <summary>Set a quote's motive; value <c>{id}|{need|want|unclear}</c>.</summary>
    public const string Motive = "quote.motive";

    /// <summary>Set a theme's MoSCoW priority; value <c>{must|should|could|wont}|{themeKey}</c>.</summary>
    public const string Moscow = "quote.moscow";

    /// <summary>Show the channel's insights.</summary>
    public const string Insights = "quote.insights";

    /// <summary>Save a pending quote with the words it started with as its customer; value <c>{customer}|{text}</c>.</summary>
    public const string AsCustomer = "quote.as-customer";

    /// <summary>Save a pending quote as typed, without a customer; value <c>{text}</c>.</summary>
    public const string NoCustomer = "quote.no-customer";

    /// <summary>Open the capture form with a pending quote; value <c>{customer}|{text}</c>.</summary>
    public const string EditPending = "quote.edit-pending";
}

/// <summary>
/// Customer quotes: capture (slash command, form, or <see cref="QuoteCapture.ActionId"/> from an edge), offline tagging with
/// corrections anyone can make, search by tag, customer and keyword (Chinese included), and insights that rank themes by
/// distinct customers and mark them common or individual, with MoSCoW calls per theme.
/// </summary>
public sealed partial class QuoteFlow(IQuoteStore store, IQuoteSearch search, ChannelTagger tagger, ISettingsStore settings, ICustomerStore customers, INeedStore needs, InsightsChart chart, ChannelInsights channelInsights, ILogger<QuoteFlow> logger) : IFlow
{
    public const string FlowId = "quote";

    /// <summary>Longest quote accepted, in characters (what the person sent, before markup is stripped).</summary>
    public const int MaxQuoteLength = 4000;

    /// <summary>Distinct customers that make a theme common, unless the channel sets <see cref="ThresholdSetting"/>.</summary>
    public const int DefaultCommonThreshold = 3;

    /// <summary>Largest common-theme threshold a channel may set.</summary>
    public const int MaxCommonThreshold = 100;

    /// <summary>Channel setting holding the common-theme threshold.</summary>
    public const string ThresholdSetting = "quotes.common_threshold";

    /// <summary>Quotes listed in one reply.</summary>
    public const int MaxListed = 10;

    /// <summary>Quotes read for the insights (the newest).</summary>
    public const int MaxScanned = 5000;

    /// <summary>
    /// <c>/gtm quotes</c> counts matches up to this many and shows more as "500+": counting every match of a large channel
    /// reads all of its rows (bench/README.md, a million quotes).
    /// </summary>
    public const int MaxCounted = 500;

    /// <summary>Themes shown in the insights.</summary>
    public const int MaxThemesShown = 8;

    /// <summary>Quotes shown under each theme of the insights.</summary>
    public const int QuotesPerTheme = 3;

    /// <summary>Characters of a quote shown under a theme.</summary>
    private const int ThemeQuoteExcerptLength = 140;

    /// <summary>Characters of a quote shown in a list line.</summary>
    private const int ListExcerptLength = 200;

    private static readonly string[] CaptureWords = ["quote", "引用", "记录原话"];
    private static readonly string[] ListWords = ["quotes", "原话"];
    private static readonly string[] InsightsWords = ["insights", "洞察"];
    private static readonly string[] ThresholdWords = ["threshold", "阈值"];
    private static readonly string[] ChartWords = ["chart", "图表"];

    /// <summary>After <c>chart</c>: the needs chart instead of the themes chart (a segment of this name is out of reach of the chart).</summary>
    private static readonly string[] NeedsChartWords = ["needs", "需求"];

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = [.. CaptureWords, .. ListWords, .. InsightsWords];

    public Localized Help => QuoteStrings.Help;

    public bool IsLookup(string command, string args) => ListWords.Contains(command) || InsightsWords.Contains(command);

    public Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var word = context.Turn.Input is CommandInput command ? ConversationEngine.SplitCommand(command.Text).Command : CaptureWords[0];
        if (ListWords.Contains(word))
        {
            return ListAsync(context, args, cancellationToken);
        }

        if (InsightsWords.Contains(word))
        {
            return InsightsCommandAsync(context, args, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(args))
        {
            return Task.FromResult<IReadOnlyList<Reply>>([CaptureForm(context, null, null, null)]);
        }

        if (LooksLikeOnlyAName(args))
        {
            // "/gtm quote Acme Bank" (the colon and the quote forgotten): ask instead of saving the name as the quote.
            return Task.FromResult<IReadOnlyList<Reply>>([CaptureForm(context, null, args.Trim(), context.T(QuoteStrings.OnlyAName, Markup.Escape(args.Trim())))]);
        }

        if (CustomerExtractor.LeadingName(args.Trim()) is { } lead)
        {
            // "/gtm quote Acme Bank the export keeps failing": the colon forgotten? Ask; nothing is saved until answered.
            return Task.FromResult<IReadOnlyList<Reply>>([AskCustomer(context, args.Trim(), lead.Name, args.Trim()[lead.BodyStart..].Trim())]);
        }

        return CaptureAsync(context, args, null, Origin(context, QuoteSource.Slash), fromForm: false, cancellationToken);
    }

    /// <summary>
    /// Longest pending quote carried in the ask's buttons: Slack's button value holds 2,000 characters
    /// (<see href="https://api.slack.com/reference/block-kit/block-elements#button"/>), minus the customer and the codec.
    /// Longer ones go to the capture form instead, filled in.
    /// </summary>
    public const int MaxPendingInButton = 1700;

    private static Reply AskCustomer(FlowContext context, string text, string name, string body)
    {
        var question = context.T(QuoteStrings.AskCustomer, Markup.Escape(name));
        if (text.Length > MaxPendingInButton)
        {
            return CaptureForm(context, body, name, question);
        }

        var blocks = new List<ReplyBlock>
        {
            new TextBlock("> " + Markup.Escape(text)),
            new TextBlock(question),
            new ActionsBlock(
            [
                new Button(context.T(QuoteStrings.AskYes, name), QuoteActions.AsCustomer, ActionValue.Join(name, body), ButtonStyle.Primary),
                new Button(context.T(QuoteStrings.AskNo), QuoteActions.NoCustomer, ActionValue.Join(text)),
                new Button(context.T(QuoteStrings.AskEdit), QuoteActions.EditPending, ActionValue.Join(name, body)),
            ]),
        };
        return new Reply(blocks, Markup.ToPlainText(question), ReplyVisibility.Ephemeral);
    }

    private Task<IReadOnlyList<Reply>> PendingAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        if (action.ActionId == QuoteActions.NoCustomer)
        {
            return ActionValue.Split(action.Value) is [{ Length: > 0 } whole]
                ? CaptureAsync(context, whole, null, Origin(context, QuoteSource.Slash), fromForm: false, cancellationToken)
                : Task.FromResult(context.Notice(QuoteStrings.BadAction));
        }

        if (!ActionValue.TrySplit(action.Value, out var customer, out var body) || customer.Length == 0)
        {
            return Task.FromResult(context.Notice(QuoteStrings.BadAction));
        }

        return action.ActionId == QuoteActions.EditPending
            ? Task.FromResult<IReadOnlyList<Reply>>([CaptureForm(context, body, customer, null)])
            : CaptureAsync(context, body, customer, Origin(context, QuoteSource.Slash), fromForm: false, cancellationToken);
    }

    /// <summary>Longest run of words read as a bare name rather than a quote.</summary>
    public const int MaxBareNameWords = 4;

    /// <summary>A few capitalised words with no punctuation and no prefix (<c>Acme Bank</c>): a customer's name, not what they said.</summary>
    public static bool LooksLikeOnlyAName(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= MaxBareNameWords
            && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetterOrDigit(c) || c is '&' or '-' or '.' or '\''))
            && !words[^1].EndsWith('.');
    }

    public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) => action.ActionId switch
    {
        QuoteCapture.ActionId => CaptureAsync(
            context,
            action.Form.TryGetValue(QuoteCapture.Text, out var text) ? text : null,
            action.Field(QuoteCapture.Customer),
            new QuoteOrigin(
                context.User.Id,
                context.User.DisplayName,
                action.Field(QuoteCapture.Author),
                action.Field(QuoteCapture.AuthorName),
                action.Field(QuoteCapture.Permalink),
                action.Field(QuoteCapture.MessageId),
                action.Field(QuoteCapture.Source) ?? (context.Turn.Conversation.Platform == Platforms.Local ? QuoteSource.Local : QuoteSource.Shortcut)),
            fromForm: false,
            cancellationToken),
        QuoteActions.Submit => CaptureAsync(
            context,
            action.Form.TryGetValue(QuoteCapture.Text, out var formText) ? formText : null,
            action.Field(QuoteCapture.Customer),
            Origin(context, QuoteSource.Form),
            fromForm: true,
            cancellationToken),
        QuoteActions.Tag => ToggleTagAsync(context, action.Value, cancellationToken),
        QuoteActions.Motive => SetMotiveAsync(context, action.Value, cancellationToken),
        QuoteActions.Moscow => SetPriorityAsync(context, action.Value, cancellationToken),
        QuoteActions.Insights => InsightsAsync(context, ReplyPlacement.NewMessage, cancellationToken),
        QuoteActions.AsCustomer or QuoteActions.NoCustomer or QuoteActions.EditPending => PendingAsync(context, action, cancellationToken),
        _ => Task.FromResult(context.Notice(CoreStrings.UnknownAction)),
    };

    private static QuoteOrigin Origin(FlowContext context, string source) =>
        new(context.User.Id, context.User.DisplayName, null, null, null, null, context.Turn.Conversation.Platform == Platforms.Local && source == QuoteSource.Slash ? QuoteSource.Local : source);

    private async Task<IReadOnlyList<Reply>> CaptureAsync(FlowContext context, string? raw, string? customer, QuoteOrigin origin, bool fromForm, CancellationToken cancellationToken)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length > MaxQuoteLength)
        {
            var error = context.T(QuoteStrings.TooLong, text.Length, MaxQuoteLength);
            return fromForm ? [CaptureForm(context, text[..MaxQuoteLength], customer, error)] : [Reply.Notice(error)];
        }

        if (text.Length == 0)
        {
            return fromForm ? [CaptureForm(context, text, customer, context.T(QuoteStrings.Empty))] : [CaptureForm(context, null, customer, context.T(QuoteStrings.Empty))];
        }

        var result = await tagger.TagAsync(context.Channel, text, cancellationToken);
        if (result.IsEmpty)
        {
            // Markup only (a mention, an emoji, a link without text): nothing to tag and nothing is saved.
            return fromForm ? [CaptureForm(context, text, customer, context.T(QuoteStrings.NoWords))] : [Reply.Notice(context.T(QuoteStrings.NoWords))];
        }

        if (origin.MessageId is not null && await store.FindByMessageAsync(context.Channel, origin.MessageId, cancellationToken) is { } existing)
        {
            return [Card(context, existing, QuoteStrings.AlreadyCaptured, ReplyPlacement.NewMessage)];
        }

        var quote = new NewQuote(result.Text, customer ?? result.Customer, result.Language, origin, context.Now, result.Tags, result.Motive, result.Suggested);
        var save = await store.AddAsync(context.Channel, quote, cancellationToken);
        if (!save.Added)
        {
            return [Card(context, save.Quote, QuoteStrings.AlreadySaved, ReplyPlacement.NewMessage)];
        }

        channelInsights.Changed(context.Channel);
        Log.Captured(logger, save.Quote.Id, origin.Source, result.Language, result.Tags.Count);
        return [Card(context, save.Quote, QuoteStrings.Captured, ReplyPlacement.NewMessage)];
    }

    /// <summary>
    /// The dialog a platform's message action opens before capturing (Teams): the message quoted, and the customer to name.
    /// Submitting it sends <see cref="QuoteCapture.ActionId"/> with <see cref="QuoteCapture.Customer"/>; the edge adds the message.
    /// </summary>
    public static Reply CaptureDialog(Lang lang, string text)
    {
        var form = new FormBlock(
            QuoteStrings.DialogTitle.Get(lang),
            QuoteCapture.ActionId,
            null,
            [new FormInput(QuoteCapture.Customer, QuoteStrings.FormCustomer.Get(lang), InputKind.Text, MaxLength: 200, Placeholder: QuoteStrings.FormCustomerHint.Get(lang))],
            QuoteStrings.FormSubmit.Get(lang));
        return new Reply([new TextBlock("> " + Markup.Escape(text)), form], QuoteStrings.DialogTitle.Get(lang), ReplyVisibility.Ephemeral);
    }

    private static Reply CaptureForm(FlowContext context, string? text, string? customer, string? error)
    {
        var form = new FormBlock(
            context.T(QuoteStrings.FormTitle),
            QuoteActions.Submit,
            null,
            [
                new FormInput(QuoteCapture.Text, context.T(QuoteStrings.FormText), InputKind.Multiline, text, Required: true, MaxLength: MaxQuoteLength),
                new FormInput(QuoteCapture.Customer, context.T(QuoteStrings.FormCustomer), InputKind.Text, customer, MaxLength: 200, Placeholder: context.T(QuoteStrings.FormCustomerHint)),
            ],
            context.T(QuoteStrings.FormSubmit),
            error);
        return new Reply([form], error ?? context.T(QuoteStrings.FormTitle), ReplyVisibility.Ephemeral);
    }

    /// <summary>The quote card: the text, where it came from, and its tags and motive as toggles.</summary>
    internal static Reply Card(FlowContext context, QuoteRecord quote, Localized intro, ReplyPlacement placement)
    {
        var fields = new List<Field>
        {
            new(context.T(QuoteStrings.FieldCustomer), quote.Customer is null ? context.T(QuoteStrings.NoCustomer) : Markup.Escape(quote.Customer)),
            new(context.T(QuoteStrings.FieldLanguage), quote.Language),
            new(context.T(QuoteStrings.FieldCapturedBy), Markup.Mention(quote.Origin.CapturedBy)),
            new(context.T(QuoteStrings.FieldSource), Markup.Escape(quote.Origin.Permalink ?? quote.Origin.Source)),
        };
        if (quote.Origin.Author is not null)
        {
            fields.Add(new(context.T(QuoteStrings.FieldAuthor), Markup.Mention(quote.Origin.Author)));
        }

        // One menu instead of a button per tag and per motive: each option toggles a tag or sets the motive; the state is a line of text.
        var id = quote.Id.ToString(CultureInfo.InvariantCulture);
        var options = QuoteTags.All.Select(tag =>
        {
            var on = quote.HasTag(tag);
            var label = quote.IsSuggested(tag)
                ? "? " + context.T(QuoteStrings.SuggestedTag, context.T(QuoteStrings.Tag(tag)))
                : (on ? "✓ " : string.Empty) + context.T(QuoteStrings.Tag(tag));
            return new MenuOption(label, QuoteActions.Tag, ActionValue.Join(id, tag));
        }).Concat(new[] { Motive.Need, Motive.Want, Motive.Unclear }.Select(m =>
        {
            var on = quote.Motive == m;
            var label = (on ? "✓ " : string.Empty) + context.T(QuoteStrings.MotiveOption, context.T(QuoteStrings.Motive(m)));
            return new MenuOption(label, QuoteActions.Motive, ActionValue.Join(id, MotiveNames.Name(m)));
        })).ToList();
        var shown = QuoteTags.All.Where(t => quote.HasTag(t) && !quote.IsSuggested(t)).Select(t => context.T(QuoteStrings.Tag(t)))
            .Concat(QuoteTags.All.Where(quote.IsSuggested).Select(t => context.T(QuoteStrings.SuggestedTag, context.T(QuoteStrings.Tag(t)))))
            .ToList();
        var state = context.T(
            QuoteStrings.StateLine,
            shown.Count == 0 ? context.T(QuoteStrings.NoTags) : Markup.Escape(Glossary.List(context.Lang, shown)),
            context.T(QuoteStrings.Motive(quote.Motive)));

        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(context.T(QuoteStrings.Title)),
            new TextBlock(Markup.Escape(quote.Text)),
            new FieldsBlock(fields),
            new ContextBlock(context.T(intro)),
            new TextBlock(state),
            new ActionsBlock([]) { Menus = [new ActionMenu(context.T(QuoteStrings.CorrectMenu), options)] },
        };
        if (QuoteTags.All.Any(quote.IsSuggested))
        {
            blocks.Add(new ContextBlock(context.T(QuoteStrings.SuggestedNote)));
        }

        if (quote.Corrections.Count > 0)
        {
            var last = quote.Corrections[^1];
            var what = last.Field == QuoteCorrection.MotiveField
                ? context.T(QuoteStrings.MotiveLabel) + " → " + (MotiveNames.TryParse(last.Value, out var m) ? context.T(QuoteStrings.Motive(m)) : last.Value)
                : (last.Value == QuoteCorrection.On ? "+" : "−") + context.T(QuoteStrings.Tag(last.Field));
            blocks.Add(new ContextBlock(context.T(QuoteStrings.CorrectedBy, Markup.Mention(last.By), Markup.Escape(what))));
        }

        var plain = $"{context.T(QuoteStrings.Title)}: {quote.Text}";
        return new Reply(blocks, plain, ReplyVisibility.Channel, placement);
    }

    private async Task<IReadOnlyList<Reply>> ToggleTagAsync(FlowContext context, string? value, CancellationToken cancellationToken)
    {
        if (!TryParseValue(value, out var id, out var tag) || !QuoteTags.All.Contains(tag))
        {
            return context.Notice(QuoteStrings.BadAction);
        }

        var quote = await store.GetAsync(context.Channel, id, cancellationToken);
        if (quote is null)
        {
            return context.Notice(QuoteStrings.NotFound);
        }

        var correction = new QuoteCorrection(tag, quote.HasTag(tag) ? QuoteCorrection.Off : QuoteCorrection.On, context.User.Id, context.User.DisplayName, context.Now);
        var updated = await store.CorrectAsync(context.Channel, id, correction, cancellationToken);
        channelInsights.Changed(context.Channel);
        return updated is null ? context.Notice(QuoteStrings.NotFound) : [Card(context, updated, QuoteStrings.Captured, ReplyPlacement.ReplaceOriginal)];
    }

    private async Task<IReadOnlyList<Reply>> SetMotiveAsync(FlowContext context, string? value, CancellationToken cancellationToken)
    {
        if (!TryParseValue(value, out var id, out var name) || !MotiveNames.TryParse(name, out var motive))
        {
            return context.Notice(QuoteStrings.BadAction);
        }

        var correction = new QuoteCorrection(QuoteCorrection.MotiveField, MotiveNames.Name(motive), context.User.Id, context.User.DisplayName, context.Now);
        var updated = await store.CorrectAsync(context.Channel, id, correction, cancellationToken);
        channelInsights.Changed(context.Channel);
        return updated is null ? context.Notice(QuoteStrings.NotFound) : [Card(context, updated, QuoteStrings.Captured, ReplyPlacement.ReplaceOriginal)];
    }

    private static bool TryParseValue(string? value, out long id, out string rest)
    {
        id = 0;
        return ActionValue.TrySplit(value, out var first, out rest) && long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private async Task<IReadOnlyList<Reply>> ListAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        // Searched in the database through the search indexes: the newest matches first, at most MaxCounted counted.
        var query = QuoteQuery.Parse(args, await search.ListCustomersAsync(context.Channel, cancellationToken));
        var found = await search.SearchAsync(
            new QuoteSearch(context.Channel.WorkspaceKey, context.Channel.Channel, query.Keywords, MaxListed, Customer: query.Customer, Tag: query.Tag, CountUpTo: MaxCounted + 1),
            cancellationToken);
        var matches = found.Quotes.Select(f => f.Quote).ToList();
        if (found.Matched == 0)
        {
            return context.Notice(QuoteStrings.ListNone);
        }

        var matched = found.Matched > MaxCounted ? MaxCounted.ToString(CultureInfo.InvariantCulture) + "+" : found.Matched.ToString(CultureInfo.InvariantCulture);
        var lines = matches.Take(MaxListed).Select(q =>
        {
            var who = q.Customer is null ? string.Empty : Markup.Bold(q.Customer) + " — ";
            var text = WithoutCustomer(q.Text, q.Customer);
            var excerpt = text.Length > ListExcerptLength ? text[..ListExcerptLength] + "…" : text;
            var tags = Glossary.List(context.Lang, q.Tags.Select(t => context.T(QuoteStrings.Tag(t))));
            // The number is what `/gtm need <n> link <quote numbers>` takes.
            return $"• `#{q.Id.ToString(CultureInfo.InvariantCulture)}` {who}{Markup.Escape(excerpt)} `{Markup.Escape(tags)}{(tags.Length > 0 ? " · " : string.Empty)}{context.T(QuoteStrings.Motive(q.Motive))}`";
        });
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(context.T(QuoteStrings.ListTitle, matched)),
            new TextBlock(string.Join('\n', lines)),
        };
        if (!query.IsEmpty)
        {
            blocks.Add(new ContextBlock(context.T(QuoteStrings.ListFilter, Markup.Escape(query.Describe(context.Lang)))));
        }

        if (found.Matched > MaxListed)
        {
            blocks.Add(new ContextBlock(context.T(QuoteStrings.ListMore, MaxListed, matched)));
        }

        return [new Reply(blocks, context.T(QuoteStrings.ListTitle, found.Matched), ReplyVisibility.Ephemeral)];
    }

    /// <summary>The quote without a leading "Customer:" when the list already names the customer in bold.</summary>
    public static string WithoutCustomer(string text, string? customer)
    {
        if (customer is null)
        {
            return text;
        }

        // "Acme said …", "海川科技那边说 …": the attribution the capture read the customer from.
        var (said, bodyStart) = CustomerExtractor.Extract(text);
        if (said is not null && bodyStart < text.Length && string.Equals(said, customer, StringComparison.OrdinalIgnoreCase))
        {
            return text[bodyStart..].TrimStart();
        }

        if (!text.StartsWith(customer, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var rest = text[customer.Length..].TrimStart();
        return rest.Length > 1 && rest[0] is ':' or '：' or '-' or '—' ? rest[1..].TrimStart() : text;
    }

    private async Task<IReadOnlyList<Reply>> InsightsCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var charts = ChartPainter.Prepare(); // a chart often follows insights: the drawing library loads now, in the background
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && ThresholdWords.Contains(words[0].ToLowerInvariant()))
        {
            if (words.Length != 2 || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxCommonThreshold)
            {
                return context.Notice(QuoteStrings.ThresholdUsage, MaxCommonThreshold);
            }

            await settings.SetChannelSettingAsync(context.Channel, ThresholdSetting, n.ToString(CultureInfo.InvariantCulture), cancellationToken);
            var insights = await InsightsAsync(context, ReplyPlacement.NewMessage, cancellationToken);
            return [Reply.Notice(context.T(QuoteStrings.ThresholdSet, n)), .. insights];
        }

        if (words.Length >= 1 && ChartWords.Contains(words[0].ToLowerInvariant()))
        {
            await charts; // one warm-up, not a second load racing it
            var rest = string.Join(' ', words[1..]);
            return NeedsChartWords.Contains(rest.ToLowerInvariant())
                ? await NeedsChartAsync(context, cancellationToken)
                : await ChartAsync(context, rest.Length == 0 ? null : rest, cancellationToken);
        }

        return await InsightsAsync(context, ReplyPlacement.NewMessage, cancellationToken, words.Length > 0 ? string.Join(' ', words) : null);
    }

    /// <summary>
    /// <c>/gtm insights chart [segment]</c>: the themes' customers by segment as a PNG, delivered through the outbox; with a
    /// segment, only that segment's customers and their quotes count (as <c>/gtm insights segment</c>).
    /// </summary>
    private async Task<IReadOnlyList<Reply>> ChartAsync(FlowContext context, string? segmentName, CancellationToken cancellationToken)
    {
        var quotes = await store.ListAsync(context.Channel, null, MaxScanned, cancellationToken);
        var threshold = await ThresholdAsync(context.Channel, cancellationToken);
        var (scope, refusal) = await ScopeAsync(context, quotes, segmentName, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        (var segments, var only, quotes) = scope!;
        var spec = InsightsChart.Build(QuoteInsights.Compute(quotes, threshold, MaxThemesShown), segments, context.Lang, only);
        if (spec is null)
        {
            return context.Notice(CustomerStrings.ChartNone);
        }

        var file = await chart.PostAsync(context.Channel, spec, context.Now, cancellationToken);
        Log.ChartQueued(logger, file.Id, context.Channel.ToString(), spec.Categories.Count, spec.Series.Count, file.Content.Length);
        return context.Notice(CustomerStrings.ChartQueued, spec.Categories.Count);
    }

    /// <summary><c>/gtm insights chart needs</c>: the channel's needs by status over time, from their history.</summary>
    private async Task<IReadOnlyList<Reply>> NeedsChartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var list = await needs.ListAsync(context.Channel, NeedFlow.MaxNeeds, cancellationToken);
        var changes = list.Count == 0 ? [] : await needs.StatusChangesAsync(context.Channel, DateTimeOffset.UnixEpoch, context.Now, cancellationToken);
        var spec = NeedsChart.Build(list, changes, context.Today, context.Lang);
        if (spec is null)
        {
            return context.Notice(NeedStrings.ChartNone);
        }

        var file = await chart.PostAsync(context.Channel, spec, context.Now, cancellationToken);
        Log.NeedsChartQueued(logger, file.Id, context.Channel.ToString(), list.Count, spec.Categories.Count, file.Content.Length);
        return context.Notice(NeedStrings.ChartQueued, list.Count, spec.Categories.Count);
    }

    /// <summary>
    /// The workspace's segments over <paramref name="quotes"/>; with a segment named, only that segment's customers count
    /// (their quotes, none without a customer). Insights and the chart read the same scope; an unknown segment or one
    /// without quotes is the refusal instead.
    /// </summary>
    private async Task<(SegmentScope? Scope, IReadOnlyList<Reply>? Refusal)> ScopeAsync(
        FlowContext context, IReadOnlyList<QuoteRecord> quotes, string? segmentName, CancellationToken cancellationToken)
    {
        var segments = CustomerSegments.From(await customers.ListAsync(context.Channel.WorkspaceKey, cancellationToken), quotes);
        if (segmentName is null)
        {
            return (new SegmentScope(segments, null, quotes), null);
        }

        var only = segments.Find(segmentName);
        if (only is null)
        {
            var known = segments.Segments.Count == 0 ? context.T(CustomerStrings.NoSegmentsYet) : string.Join(", ", segments.Segments.Select(s => Markup.Escape(s.Label!)));
            return (null, context.Notice(CustomerStrings.UnknownSegment, Markup.Escape(segmentName), known));
        }

        var inSegment = segments.QuotesIn(only, quotes);
        return inSegment.Count == 0
            ? (null, context.Notice(CustomerStrings.SegmentNoQuotes, Markup.Escape(only.Label!)))
            : (new SegmentScope(segments, only, inSegment), null);
    }

    /// <summary>What insights and the chart count: the segments, the one named (if any) and the quotes in scope.</summary>
    private sealed record SegmentScope(CustomerSegments Segments, Segment? Only, IReadOnlyList<QuoteRecord> Quotes);

    private Task<int> ThresholdAsync(ConversationKey channel, CancellationToken cancellationToken) => ThresholdAsync(settings, channel, cancellationToken);

    /// <summary>The channel's common-theme threshold, as <c>/gtm insights threshold N</c> set it (insights, the API's themes, need scores).</summary>
    public static async Task<int> ThresholdAsync(ISettingsStore settings, ConversationKey channel, CancellationToken cancellationToken)
    {
        var value = await settings.GetChannelSettingAsync(channel, ThresholdSetting, cancellationToken);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxCommonThreshold ? n : DefaultCommonThreshold;
    }

    private async Task<IReadOnlyList<Reply>> InsightsAsync(FlowContext context, ReplyPlacement placement, CancellationToken cancellationToken, string? segmentName = null)
    {
        var threshold = await ThresholdAsync(context.Channel, cancellationToken);
        QuoteInsights insights;
        CustomerSegments segments;
        Segment? only = null;
        string? behind = null;
        if (segmentName is null)
        {
            // The channel's stored snapshot, kept up to date as quotes arrive (ChannelInsights): no grouping per request.
            var view = await channelInsights.GetAsync(context.Channel, cancellationToken);
            if (view is null)
            {
                return context.Notice(QuoteStrings.InsightsNone);
            }

            insights = view.Snapshot.At(threshold);
            segments = CustomerSegments.FromCustomers(await customers.ListAsync(context.Channel.WorkspaceKey, cancellationToken), view.Snapshot.Customers);
            if (view.Behind)
            {
                var asOf = view.BuiltAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                behind = view.NewQuotes > 0 ? context.T(QuoteStrings.InsightsBehind, asOf, view.NewQuotes) : context.T(QuoteStrings.InsightsBehindEdits, asOf);
            }
        }
        else
        {
            // One segment's quotes only: grouped on the spot from the channel's newest quotes.
            var quotes = await store.ListAsync(context.Channel, null, MaxScanned, cancellationToken);
            if (quotes.Count == 0)
            {
                return context.Notice(QuoteStrings.InsightsNone);
            }

            var (scope, refusal) = await ScopeAsync(context, quotes, segmentName, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            (segments, only, quotes) = scope!;
            insights = QuoteInsights.Compute(quotes, threshold, MaxThemesShown);
        }

        var priorities = (await store.GetThemePrioritiesAsync(context.Channel, cancellationToken)).ToDictionary(p => p.ThemeKey, StringComparer.Ordinal);

        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(context.T(QuoteStrings.InsightsTitle, insights.Quotes, insights.Customers)),
            new TextBlock(context.T(QuoteStrings.InsightsTags, string.Join(" · ", insights.TagCounts.Select(t => $"{context.T(QuoteStrings.Tag(t.Key))} {t.Value}"))) + "\n"
                + context.T(QuoteStrings.InsightsMotives, string.Join(" · ", insights.MotiveCounts.Select(m => $"{context.T(QuoteStrings.Motive(m.Key))} {m.Value}")))),
            new DividerBlock(),
        };
        if (only is not null)
        {
            blocks.Insert(1, new ContextBlock(context.T(CustomerStrings.SegmentFilterTitle, Markup.Escape(only.Label!), only.Size)));
        }

        if (behind is not null)
        {
            blocks.Insert(1, new ContextBlock(behind));
        }

        if (insights.Themes.Count == 0)
        {
            blocks.Add(new TextBlock(context.T(QuoteStrings.InsightsNoThemes)));
        }

        foreach (var theme in insights.Themes)
        {
            var line = context.T(
                QuoteStrings.ThemeLine,
                Markup.Escape(theme.Theme.Label),
                theme.Theme.DistinctCustomers,
                theme.Theme.Mentions,
                context.T(theme.Common ? QuoteStrings.Common : QuoteStrings.Individual),
                context.T(QuoteStrings.Motive(theme.Motive)));
            priorities.TryGetValue(theme.Theme.Key, out var priority);
            if (priority is not null)
            {
                line += "\n" + context.T(QuoteStrings.PriorityLine, context.T(QuoteStrings.Priority(priority.Priority)), Markup.Mention(priority.SetBy));
                if (priority.Priority == Moscow.Must && !theme.CommonNeed)
                {
                    line += "\n" + context.T(QuoteStrings.MustWithoutNeed, threshold);
                }
            }

            if (SegmentLine(context, segments.Count(theme)) is { Length: > 0 } perSegment)
            {
                line += "\n" + perSegment;
            }

            blocks.Add(new TextBlock(line));
            blocks.Add(new ContextBlock(Behind(context, theme)));
            // One overflow per theme (four priorities and "make it a need": five, Slack's overflow maximum) instead of five buttons.
            blocks.Add(new ActionsBlock([])
            {
                Menus =
                [
                    new ActionMenu(
                        context.T(QuoteStrings.PriorityMenu),
                        [.. Enum.GetValues<Moscow>().Select(p => new MenuOption(
                            (priority?.Priority == p ? "✓ " : string.Empty) + context.T(QuoteStrings.Priority(p)),
                            QuoteActions.Moscow,
                            ActionValue.Join(p.ToString().ToLowerInvariant(), theme.Theme.Key),
                            priority?.Priority == p)),
                        new MenuOption(context.T(NeedStrings.MakeNeed), NeedActions.FromTheme, ActionValue.Join(theme.Theme.Key))],
                        MenuStyle.Overflow),
                ],
            });
        }

        if (insights.Unattributed > 0)
        {
            blocks.Add(new ContextBlock(context.T(QuoteStrings.InsightsUnattributed, insights.Unattributed)));
        }

        blocks.Add(new ContextBlock(context.T(QuoteStrings.InsightsFooter, threshold)));
        if (segments.Segments.Count > 0)
        {
            blocks.Add(new ContextBlock(context.T(CustomerStrings.SegmentFooter, CustomerSegments.MinCommonCustomers)));
        }
        return [new Reply(blocks, context.T(QuoteStrings.InsightsTitle, insights.Quotes, insights.Customers), ReplyVisibility.Channel, placement)];
    }

    /// <summary>"common among enterprise: 4 of 5; rare among SMB: 1 of 12" — empty while no customer has a segment.</summary>
    private static string SegmentLine(FlowContext context, IReadOnlyList<SegmentCount> counts) =>
        counts.All(c => c.Segment.IsNone) ? string.Empty : string.Join(context.T(CustomerStrings.SegmentSeparator), counts.Select(c => context.T(
            c.Common ? CustomerStrings.SegmentCommon : CustomerStrings.SegmentRare,
            c.Segment.IsNone ? context.T(CustomerStrings.NoSegment) : Markup.Escape(c.Segment.Label!),
            c.Customers,
            c.OutOf)));

    /// <summary>Who and what is behind a theme: its attributed customers, the unattributed count, and a few of its quotes.</summary>
    private static string Behind(FlowContext context, QuoteTheme theme)
    {
        var lines = new List<string>();
        var who = theme.Theme.Customers.Count > 0 ? context.T(QuoteStrings.ThemeCustomers, Markup.Escape(string.Join(", ", theme.Theme.Customers))) : string.Empty;
        if (theme.Theme.Unattributed > 0)
        {
            who = (who.Length > 0 ? who + " · " : string.Empty) + context.T(QuoteStrings.ThemeUnattributed, theme.Theme.Unattributed);
        }

        lines.Add(who);
        foreach (var quote in theme.Quotes.Take(QuotesPerTheme))
        {
            // The customer is named after the quote: not again at its start.
            var body = QuoteMarkup.Strip(WithoutCustomer(quote.Text, quote.Customer)).Replace('\n', ' ');
            body = body.Length > ThemeQuoteExcerptLength ? body[..ThemeQuoteExcerptLength] + "…" : body;
            lines.Add(context.T(QuoteStrings.ThemeQuote, Markup.Escape(body), Markup.Escape(quote.Customer ?? context.T(QuoteStrings.ThemeNoCustomer))));
        }

        // Mentions, not the quotes at hand: a stored snapshot keeps only the quotes shown.
        if (theme.Theme.Mentions > QuotesPerTheme)
        {
            lines.Add(context.T(QuoteStrings.ThemeMoreQuotes, theme.Theme.Mentions - QuotesPerTheme));
        }

        return string.Join('\n', lines);
    }

    private async Task<IReadOnlyList<Reply>> SetPriorityAsync(FlowContext context, string? value, CancellationToken cancellationToken)
    {
        if (!ActionValue.TrySplit(value, out var name, out var key) || !Enum.TryParse<Moscow>(name, ignoreCase: true, out var priority) || !Enum.IsDefined(priority))
        {
            return context.Notice(QuoteStrings.BadAction);
        }

        await store.SetThemePriorityAsync(context.Channel, new ThemePriority(key, priority, context.User.Id, context.Now), cancellationToken);
        return await InsightsAsync(context, ReplyPlacement.ReplaceOriginal, cancellationToken);
    }
}

/// <summary>How a quote was captured (<see cref="QuoteOrigin.Source"/>).</summary>
public static class QuoteSource
{
    public const string Slash = "slash";
    public const string Form = "form";
    public const string Shortcut = "shortcut";
    public const string Reaction = "reaction";
    public const string MessageAction = "message-action";
    public const string Local = "local";
}
