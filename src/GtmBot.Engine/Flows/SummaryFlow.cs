using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Summaries;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Flows;

/// <summary>
/// <c>/gtm summarize</c>: takes pasted feedback (a form or inline text), stores the request with the text and acknowledges at
/// once; a background worker summarizes it (LLM or offline) and posts the result through the outbox.
/// </summary>
public sealed class SummaryFlow(ISummaryStore store, ISettingsStore settings, IQuoteStore quotes, IQuoteTagger tagger) : IFlow
{
    public const string FlowId = "summary";

    /// <summary>Channel setting: <c>off</c> keeps this channel's summaries offline.</summary>
    public const string LlmSetting = "summary.llm";

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = ["summarize", "总结"];

    public Localized Help => SummaryStrings.Help;

    /// <summary>Action ids of this flow.</summary>
    public static class Actions
    {
        public const string Submit = "summary.submit";

        /// <summary>Saves a theme's quotes into the channel's quote store; value <c>{requestId}:{themeIndex}</c>.</summary>
        public const string Save = "summary.save";
    }

    /// <summary>Form field ids.</summary>
    public static class Fields
    {
        public const string Feedback = "feedback";
        public const string Language = "lang";
    }

    private const string Auto = "auto";

    private const string ArtefactPrefix = "summary:";

    /// <summary>
    /// The living message of one summary: "Summarizing…" when it is asked for, replaced in place by the result. Unlike the
    /// canvas or a drill it is not pinned (<see cref="IsSummaryKey"/>).
    /// </summary>
    public static string ArtefactKey(long requestId) => ArtefactPrefix + requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for a summary's living message, which the edges update in place but do not pin.</summary>
    public static bool IsSummaryKey(string? artefactKey) => artefactKey?.StartsWith(ArtefactPrefix, StringComparison.Ordinal) == true;

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (word, rest) = ConversationEngine.SplitCommand(args);
        switch (word)
        {
            case "llm":
                return await SwitchLlmAsync(context, rest, cancellationToken);
            case "lang" or "语言":
                {
                    var (code, text) = ConversationEngine.SplitCommand(rest);
                    var language = Culture.Parse(code) is { } l ? Culture.Code(l) : null;
                    return string.IsNullOrWhiteSpace(text) ? [Form(context, null, language, null)] : await SubmitAsync(context, text, language, cancellationToken);
                }

            case "":
                return [Form(context, null, null, null)];
            default:
                return await SubmitAsync(context, args, null, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        if (action.ActionId == Actions.Save)
        {
            return await SaveQuotesAsync(context, action.Value, cancellationToken);
        }

        if (action.ActionId != Actions.Submit)
        {
            return context.Notice(CoreStrings.UnknownAction);
        }

        var text = action.Form.TryGetValue(Fields.Feedback, out var t) ? t ?? string.Empty : string.Empty;
        var language = action.Field(Fields.Language) is { } code && code != Auto && Culture.Parse(code) is { } l ? Culture.Code(l) : null;
        return await SubmitAsync(context, text, language, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> SubmitAsync(FlowContext context, string text, string? language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [Form(context, text, language, context.T(SummaryStrings.Empty))];
        }

        if (text.Length > SummaryLimits.MaxInputChars)
        {
            return [Form(context, text, language, context.T(CoreStrings.TooLong, text.Length, SummaryLimits.MaxInputChars))];
        }

        var useLlm = !string.Equals(await settings.GetChannelSettingAsync(context.Channel, LlmSetting, cancellationToken), "off", StringComparison.Ordinal);
        var lines = text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));

        // The output language: `summarize lang xx`, else the language the person (or this channel) chose with `/gtm lang`,
        // else the paste's dominant language. The platform's locale alone does not override what the paste is written in.
        language ??= await ChosenLanguageAsync(context, cancellationToken);

        // Stored before the ack: the worker picks it up from the database, also after a restart.
        var id = await store.AddAsync(new NewSummaryRequest(context.Turn.Conversation, context.User.Id, text, language, useLlm, context.Lang, context.Now), cancellationToken);
        var ack = context.T(SummaryStrings.Ack, lines);
        return [new Reply([new TextBlock(Markup.Escape(ack)), new ContextBlock(Markup.Mention(context.User.Id))], ack, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey(id))];
    }

    private async Task<string?> ChosenLanguageAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var chosen = await settings.GetUserLanguageAsync(context.Channel.WorkspaceKey, context.User.Id, cancellationToken)
            ?? await settings.GetChannelLanguageAsync(context.Channel, cancellationToken);
        return chosen is { } lang ? Culture.Code(lang) : null;
    }

    /// <summary>One click: every quote of the theme becomes a tagged customer quote of this channel.</summary>
    private async Task<IReadOnlyList<Reply>> SaveQuotesAsync(FlowContext context, string? value, CancellationToken cancellationToken)
    {
        var parts = ActionValue.SplitIds(value);
        if (parts.Count != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            await store.GetAsync(context.Channel, id, cancellationToken) is not { Result: { } result } ||
            index < 0 || index >= result.Themes.Count)
        {
            return context.Notice(CoreStrings.NotFound);
        }

        var theme = result.Themes[index];
        var origin = new QuoteOrigin(context.User.Id, context.User.DisplayName, null, null, null, null, QuoteSource);
        var added = 0;
        foreach (var quote in theme.Quotes)
        {
            var tags = tagger.Tag(quote);
            var save = await quotes.AddAsync(context.Channel, new NewQuote(quote, tags.Customer, tags.Language, origin, context.Now, tags.Tags, tags.Motive), cancellationToken);
            added += save.Added ? 1 : 0;
        }

        var known = theme.Quotes.Count - added;
        return known == 0
            ? context.Notice(SummaryStrings.Saved, added, Markup.Escape(theme.Label))
            : context.Notice(SummaryStrings.SavedSomeKnown, added, Markup.Escape(theme.Label), known);
    }

    /// <summary>How quotes saved from a summary are marked in the quote store.</summary>
    public const string QuoteSource = "summary";

    private async Task<IReadOnlyList<Reply>> SwitchLlmAsync(FlowContext context, string value, CancellationToken cancellationToken)
    {
        var on = value.Trim().ToLowerInvariant() switch
        {
            "on" or "开" or "开启" => true,
            "off" or "关" or "关闭" => false,
            _ => (bool?)null,
        };
        if (on is null)
        {
            return context.Notice(SummaryStrings.LlmUsage);
        }

        await settings.SetChannelSettingAsync(context.Channel, LlmSetting, on.Value ? "on" : "off", cancellationToken);
        return context.Notice(on.Value ? SummaryStrings.LlmOn : SummaryStrings.LlmOff);
    }

    /// <summary>The paste form; after a refused submit it keeps the user's text and names the problem.</summary>
    private static Reply Form(FlowContext context, string? text, string? language, string? error)
    {
        var form = new FormBlock(
            context.T(SummaryStrings.FormTitle),
            Actions.Submit,
            null,
            [
                new FormInput(Fields.Feedback, context.T(SummaryStrings.FormFeedback), InputKind.Multiline, text, Required: true, MaxLength: SummaryLimits.MaxInputChars, Placeholder: context.T(SummaryStrings.FormPlaceholder)),
                new FormInput(Fields.Language, context.T(SummaryStrings.FormLanguage), InputKind.Select, language ?? Auto,
                [
                    new Choice(context.T(SummaryStrings.LanguageAuto), Auto),
                    new Choice(context.T(SummaryStrings.LanguageEn), "en"),
                    new Choice(context.T(SummaryStrings.LanguageZh), "zh"),
                ]),
            ],
            context.T(SummaryStrings.Submit),
            error);
        return new Reply([form], context.T(SummaryStrings.FormTitle), ReplyVisibility.Ephemeral);
    }

    /// <summary>
    /// The result, as the summary's living message (it replaces "Summarizing…"). Labels are in the summary's language.
    /// Everything from the model or the paste goes in through <see cref="Markup.Escape"/>.
    /// </summary>
    public static Reply RenderResult(FeedbackSummary summary, long requestId)
    {
        var lang = summary.Language == "zh" ? Lang.Zh : Lang.En;
        var blocks = new List<ReplyBlock> { new HeaderBlock(SummaryStrings.ResultTitle.Get(lang)) };
        if (summary.FellBack)
        {
            blocks.Add(new ContextBlock(Markup.Escape(SummaryStrings.FellBack.Format(lang, summary.FallbackReason))));
        }

        blocks.Add(new TextBlock(Markup.Escape(summary.Themes.Count == 0
            ? SummaryStrings.NoThemes.Get(lang)
            : SummaryStrings.ResultIntro.Format(lang, summary.Themes.Count, summary.Lines))));
        for (var index = 0; index < summary.Themes.Count; index++)
        {
            var theme = summary.Themes[index];
            var motive = theme.Motive == "need" ? SummaryStrings.Need : SummaryStrings.Want;
            var priority = theme.Priority switch
            {
                Moscow.Must => SummaryStrings.Must,
                Moscow.Should => SummaryStrings.Should,
                Moscow.Wont => SummaryStrings.Wont,
                _ => SummaryStrings.Could,
            };
            var lines = new List<string>
            {
                Markup.Bold(theme.Label),
                Markup.Escape(SummaryStrings.ThemeLine.Format(lang, theme.DistinctCustomers, theme.Mentions, motive.Get(lang), priority.Get(lang))),
            };
            if (theme.Customers is { Count: > 0 })
            {
                lines.Add(Markup.Escape(SummaryStrings.ThemeCustomers.Format(lang, string.Join(", ", theme.Customers))));
            }

            if (theme.Unattributed > 0)
            {
                lines.Add(Markup.Escape(SummaryStrings.ThemeUnattributed.Format(lang, theme.Unattributed)));
            }
            lines.AddRange(theme.Quotes.Select(q => "_“" + Markup.Escape(q) + "”_"));
            blocks.Add(new TextBlock(string.Join('\n', lines)));
            if (theme.Keywords.Count > 0)
            {
                blocks.Add(new ContextBlock(Markup.Escape(SummaryStrings.Keywords.Format(lang, string.Join(", ", theme.Keywords)))));
            }

            if (theme.Quotes.Count > 0)
            {
                blocks.Add(new ActionsBlock([new Button(SummaryStrings.SaveQuotes.Get(lang), Actions.Save, ActionValue.Join(requestId, index))]));
            }
        }

        AddList(blocks, SummaryStrings.Pains.Get(lang), summary.Pains);
        AddList(blocks, SummaryStrings.Requests.Get(lang), summary.Requests);
        if (summary.IgnoredInstructionLines is { Count: > 0 } injected)
        {
            blocks.Add(new ContextBlock(Markup.Escape(SummaryStrings.Injection.Format(lang, string.Join(", ", injected)))));
        }

        blocks.Add(new ContextBlock(Markup.Escape((summary.Summarizer == FeedbackSummary.Llm ? SummaryStrings.ByLlm : SummaryStrings.ByHeuristic).Get(lang))));
        var text = SummaryStrings.ResultTitle.Get(lang) + ": " + string.Join("; ", summary.Themes.Select(t => t.Label));
        return new Reply(blocks, text, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey(requestId));
    }

    private static void AddList(List<ReplyBlock> blocks, string title, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new TextBlock(Markup.Bold(title) + "\n" + string.Join('\n', items.Select(i => "• " + Markup.Escape(i)))));
        }
    }
}
