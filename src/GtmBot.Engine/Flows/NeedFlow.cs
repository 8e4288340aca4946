using System.Globalization;
using GtmBot.Engine.Needs;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine.Flows;

/// <summary>Action ids of the needs flow.</summary>
public static class NeedActions
{
    /// <summary>Move a need; value <c>{number}|{status}|{version}</c>.</summary>
    public const string Status = "need.status";

    /// <summary>
    /// Open the "why not" form; value <c>{number}|{version}</c>. Cards now send <see cref="Status"/> with <c>WontDo</c> for this;
    /// the id stays accepted for buttons of cards posted before.
    /// </summary>
    public const string WontDo = "need.wontdo";

    /// <summary>The "why not" form was submitted; value <c>{number}|{version}</c>, field <see cref="NeedFlow.ReasonInput"/>.</summary>
    public const string Reason = "need.reason";

    /// <summary>Make a need from a theme of the insights; value the theme's key.</summary>
    public const string FromTheme = "need.theme";

    /// <summary>List the channel's needs by priority.</summary>
    public const string List = "need.list";
}

/// <summary>
/// Customer needs with a status, a MoSCoW call, an owner, an effort, a history and the quotes behind them; a living card per
/// need in the channel; a list by priority from evidence (<see cref="NeedPriority"/>); and on every status change one direct
/// message to each person who captured a linked quote (<see cref="NeedNotices"/>), written with the change in one transaction.
/// </summary>
public sealed class NeedFlow(INeedStore needs, IQuoteStore quotes, ICustomerStore customers, ISettingsStore settings, IDeliveryStatus deliveries, ILogger<NeedFlow> logger) : IFlow
{
    public const string FlowId = "need";

    /// <summary>Form input of the reason for won't do.</summary>
    public const string ReasonInput = "reason";

    /// <summary>Longest need title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest reason kept.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Most quotes one need links.</summary>
    public const int MaxLinkedQuotes = 100;

    /// <summary>Needs read for the list.</summary>
    public const int MaxNeeds = 500;

    /// <summary>Needs shown in the list.</summary>
    public const int MaxListed = 15;

    /// <summary>Quotes shown on the card.</summary>
    public const int QuotesOnCard = 5;

    /// <summary>Status changes whose direct messages the card checks for refusals.</summary>
    public const int ChangesChecked = 5;

    /// <summary>Themes searched for the one a "Make a need" button names.</summary>
    public const int MaxThemesSearched = 50;

    private const int QuoteExcerptLength = 100;
    private const int HistoryRead = 50;

    private static readonly string[] NeedWords = ["need", "需求"];
    private static readonly string[] ListWords = ["needs", "需求列表"];
    private static readonly string[] NotifyWords = ["notify", "通知"];
    private static readonly string[] NewWords = ["new", "新建"];

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = [.. NeedWords, .. ListWords, .. NotifyWords];

    public Localized Help => NeedStrings.Help;

    /// <summary>The artefact key of a need's living card.</summary>
    public static string ArtefactKey(int number) => "need:" + number.ToString(CultureInfo.InvariantCulture);

    public bool IsLookup(string command, string args) =>
        ListWords.Contains(command) || (NeedWords.Contains(command) && PlanningText.Words(args) is [var only] && PlanningText.ParseNumber(only) is not null);

    public Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var word = context.Turn.Input is CommandInput command ? ConversationEngine.SplitCommand(command.Text).Command : NeedWords[0];
        if (ListWords.Contains(word))
        {
            return ListAsync(context, args, cancellationToken);
        }

        if (NotifyWords.Contains(word))
        {
            return NotifyAsync(context, args, cancellationToken);
        }

        var words = PlanningText.Words(args);
        if (words.Length == 0)
        {
            return Task.FromResult(context.Notice(NeedStrings.Usage));
        }

        if (NewWords.Contains(words[0].ToLowerInvariant()))
        {
            return CreateAsync(context, args.Trim()[words[0].Length..].Trim(), cancellationToken);
        }

        return PlanningText.ParseNumber(words[0]) is int number
            ? OnNeedCommandAsync(context, number, words[1..], cancellationToken)
            : Task.FromResult(context.Notice(NeedStrings.Usage));
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var parts = ActionValue.Split(action.Value);
        int? Part(int i) => parts.Count > i && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        switch (action.ActionId)
        {
            case NeedActions.List:
                return await ListAsync(context, string.Empty, cancellationToken);
            case NeedActions.FromTheme when parts.Count == 1 && parts[0].Length > 0:
                return await FromThemeAsync(context, parts[0], cancellationToken);
            case NeedActions.Status when parts.Count == 3 && Part(0) is int number && Enum.TryParse<NeedStatus>(parts[1], out var status) && Enum.IsDefined(status) && Part(2) is int version:
                return await WithNeedAsync(
                    context,
                    number,
                    need => NeedStatusMachine.NeedsReason(status) ? Task.FromResult<IReadOnlyList<Reply>>([ReasonForm(context, need.Number, version, null, null)]) : ChangeStatusAsync(context, need, version, status, null, cancellationToken),
                    cancellationToken);
            case NeedActions.WontDo when Part(0) is int number && Part(1) is int version:
                return [ReasonForm(context, number, version, null, null)];
            case NeedActions.Reason when Part(0) is int number && Part(1) is int version:
                var reason = action.Field(ReasonInput);
                if (reason is null)
                {
                    return [ReasonForm(context, number, version, null, context.T(NeedStrings.ReasonRequired, number))];
                }

                if (reason.Length > MaxReasonLength)
                {
                    return [ReasonForm(context, number, version, reason, context.T(NeedStrings.ReasonTooLong, reason.Length, MaxReasonLength))];
                }

                return await WithNeedAsync(context, number, need => ChangeStatusAsync(context, need, version, NeedStatus.WontDo, reason, cancellationToken), cancellationToken);
            default:
                return context.Notice(CoreStrings.UnknownAction);
        }
    }

    private async Task<IReadOnlyList<Reply>> OnNeedCommandAsync(FlowContext context, int number, string[] words, CancellationToken cancellationToken)
    {
        var need = await needs.GetAsync(context.Channel, number, cancellationToken);
        if (need is null)
        {
            return context.Notice(NeedStrings.NotFound, number);
        }

        if (words.Length == 0)
        {
            return [await CardAsync(context, need, artefact: false, cancellationToken)];
        }

        var rest = words[1..];
        switch (words[0].ToLowerInvariant())
        {
            case "status" or "状态":
                return await StatusCommandAsync(context, need, rest, cancellationToken);
            case "moscow" or "priority" or "优先级":
                return rest.Length == 1 && NeedStrings.ParseMoscow(rest[0]) is Moscow m
                    ? await EditAsync(context, need, NeedProperties.Moscow, need.Moscow?.ToString(), m.ToString(), n => n with { Moscow = m }, cancellationToken)
                    : context.Notice(NeedStrings.BadMoscow);
            case "effort" or "工作量":
                return rest.Length == 1 && NeedStrings.ParseEffort(rest[0]) is Effort e
                    ? await EditAsync(context, need, NeedProperties.Effort, need.Effort?.ToString(), e.ToString(), n => n with { Effort = e }, cancellationToken)
                    : context.Notice(NeedStrings.BadEffort);
            case "owner" or "负责人":
                return rest.Length == 1 && ChecklistFlow.ParseOwner(rest[0]) is { Length: <= ChecklistFlow.MaxOwnerLength } owner
                    ? await EditAsync(context, need, NeedProperties.Owner, need.Owner, owner, n => n with { Owner = owner }, cancellationToken)
                    : context.Notice(NeedStrings.BadOwner, number);
            case "link" or "关联":
                return await LinkAsync(context, need, rest, link: true, cancellationToken);
            case "unlink" or "取消关联":
                return await LinkAsync(context, need, rest, link: false, cancellationToken);
            default:
                return context.Notice(NeedStrings.Usage);
        }
    }

    private async Task<IReadOnlyList<Reply>> WithNeedAsync(FlowContext context, int number, Func<Need, Task<IReadOnlyList<Reply>>> then, CancellationToken cancellationToken)
    {
        var need = await needs.GetAsync(context.Channel, number, cancellationToken);
        return need is null ? context.Notice(NeedStrings.NotFound, number) : await then(need);
    }

    private async Task<IReadOnlyList<Reply>> CreateAsync(FlowContext context, string title, CancellationToken cancellationToken)
    {
        if (title.Length == 0)
        {
            return context.Notice(NeedStrings.NoTitle);
        }

        if (title.Length > MaxTitleLength)
        {
            return context.Notice(NeedStrings.TitleTooLong, title.Length, MaxTitleLength);
        }

        var need = await needs.CreateAsync(context.Channel, new NewNeed(title, null, [], context.User.Id, context.Now), cancellationToken);
        return [Reply.Notice(context.T(NeedStrings.Created, need.Number)), await CardAsync(context, need, artefact: true, cancellationToken)];
    }

    /// <summary>A need titled after a theme of the insights, with the theme's quotes linked; a theme made twice gives the first need.</summary>
    private async Task<IReadOnlyList<Reply>> FromThemeAsync(FlowContext context, string themeKey, CancellationToken cancellationToken)
    {
        if (await needs.FindByThemeAsync(context.Channel, themeKey, cancellationToken) is { } existing)
        {
            return [Reply.Notice(context.T(NeedStrings.AlreadyMade, existing.Number)), await CardAsync(context, existing, artefact: false, cancellationToken) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        var all = await quotes.ListAsync(context.Channel, null, QuoteFlow.MaxScanned, cancellationToken);
        var theme = QuoteInsights.Compute(all, QuoteFlow.DefaultCommonThreshold, MaxThemesSearched).Themes.FirstOrDefault(t => t.Theme.Key == themeKey);
        if (theme is null)
        {
            return context.Notice(NeedStrings.ThemeGone);
        }

        var label = theme.Theme.Label.Trim();
        var title = label.Length > MaxTitleLength ? label[..MaxTitleLength] : label;
        var ids = theme.Quotes.Select(q => q.Id).Take(MaxLinkedQuotes).ToList();
        var need = await needs.CreateAsync(context.Channel, new NewNeed(title, themeKey, ids, context.User.Id, context.Now), cancellationToken);
        return [Reply.Notice(context.T(NeedStrings.Created, need.Number)), await CardAsync(context, need, artefact: true, cancellationToken)];
    }

    private Task<IReadOnlyList<Reply>> StatusCommandAsync(FlowContext context, Need need, string[] words, CancellationToken cancellationToken)
    {
        // Two words first ("under review", "won't do"), then one; what follows is the reason.
        NeedStatus? status = null;
        var used = 0;
        if (words.Length >= 2 && NeedStrings.ParseStatus(words[0] + words[1]) is NeedStatus two)
        {
            (status, used) = (two, 2);
        }
        else if (words.Length >= 1 && NeedStrings.ParseStatus(words[0]) is NeedStatus one)
        {
            (status, used) = (one, 1);
        }

        if (status is not NeedStatus to)
        {
            var names = Glossary.List(context.Lang, Enum.GetValues<NeedStatus>().Select(s => context.T(NeedStrings.Status(s))));
            return Task.FromResult(context.Notice(NeedStrings.BadStatus, Markup.Escape(string.Join(' ', words)), names));
        }

        var reason = string.Join(' ', words[used..]).Trim();
        if (reason.Length > MaxReasonLength)
        {
            return Task.FromResult(context.Notice(NeedStrings.ReasonTooLong, reason.Length, MaxReasonLength));
        }

        return ChangeStatusAsync(context, need, need.Version, to, reason.Length == 0 ? null : reason, cancellationToken);
    }

    /// <summary>Moves a need, if the move is legal, and enqueues one direct message per capturer of its quotes in the same transaction.</summary>
    private async Task<IReadOnlyList<Reply>> ChangeStatusAsync(FlowContext context, Need need, int expectedVersion, NeedStatus to, string? reason, CancellationToken cancellationToken)
    {
        if (need.Version != expectedVersion)
        {
            return await ConflictAsync(context, need, cancellationToken);
        }

        if (need.Status == to)
        {
            return context.Notice(NeedStrings.SameStatus, need.Number, context.T(NeedStrings.Status(to)));
        }

        if (!NeedStatusMachine.CanMove(need.Status, to))
        {
            var next = NeedStatusMachine.Next(need.Status);
            return next.Count == 0
                ? context.Notice(NeedStrings.IllegalMoveFinal, need.Number, context.T(NeedStrings.Status(need.Status)))
                : context.Notice(NeedStrings.IllegalMove, need.Number, context.T(NeedStrings.Status(need.Status)), context.T(NeedStrings.Status(to)), Glossary.List(context.Lang, next.Select(s => context.T(NeedStrings.Status(s)))));
        }

        if (NeedStatusMachine.NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            return context.Notice(NeedStrings.ReasonRequired, need.Number);
        }

        var evidence = await NeedEvidence.LoadAsync(quotes, customers, settings, context.Channel, [need], cancellationToken);
        var linked = evidence.Linked(need);
        var recipients = new List<string>();
        foreach (var person in NeedNotices.Capturers(linked))
        {
            if (!string.Equals(await settings.GetUserSettingAsync(context.Channel.WorkspaceKey, person, NeedNotices.NotifySetting, cancellationToken), NeedNotices.Off, StringComparison.Ordinal))
            {
                recipients.Add(person);
            }
        }

        var seq = need.Version + 1;
        var change = new NeedChange(seq, NeedProperties.Status, need.Status.ToString(), to.ToString(), reason, context.User.Id, context.Now, recipients);
        var updated = need with { Status = to, Reason = reason, Version = seq, UpdatedAt = context.Now };
        var messages = new List<OutboundMessage>();
        foreach (var person in recipients)
        {
            messages.Add(NeedNotices.Compose(context.Channel, updated, change, person, linked, await ConversationEngine.ResolveLanguageAsync(settings, context.Channel, person, locale: null, cancellationToken)));
        }

        if (!await needs.UpdateAsync(context.Channel, updated, need.Version, [change], messages, cancellationToken))
        {
            return await ConflictAsync(context, need, cancellationToken);
        }

        Log.NeedMoved(logger, need.Id, need.Status.ToString(), to.ToString(), messages.Count);
        return [Reply.Notice(context.T(NeedStrings.Saved, need.Number)), await CardAsync(context, updated, artefact: true, cancellationToken, evidence)];
    }

    private async Task<IReadOnlyList<Reply>> EditAsync(FlowContext context, Need need, string property, string? oldValue, string newValue, Func<Need, Need> apply, CancellationToken cancellationToken)
    {
        if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            return [await CardAsync(context, need, artefact: false, cancellationToken) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        var seq = need.Version + 1;
        var updated = apply(need) with { Version = seq, UpdatedAt = context.Now };
        var change = new NeedChange(seq, property, oldValue, newValue, null, context.User.Id, context.Now, []);
        if (!await needs.UpdateAsync(context.Channel, updated, need.Version, [change], [], cancellationToken))
        {
            return await ConflictAsync(context, need, cancellationToken);
        }

        return [Reply.Notice(context.T(NeedStrings.Saved, need.Number)), await CardAsync(context, updated, artefact: true, cancellationToken)];
    }

    private async Task<IReadOnlyList<Reply>> LinkAsync(FlowContext context, Need need, string[] words, bool link, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var w in words.SelectMany(w => w.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!long.TryParse(w.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return context.Notice(NeedStrings.BadQuotes, need.Number);
            }

            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            return context.Notice(NeedStrings.BadQuotes, need.Number);
        }

        if (link)
        {
            var wanted = ids.Distinct().ToList();
            var found = (await quotes.GetManyAsync(context.Channel, wanted, cancellationToken)).Select(q => q.Id).ToHashSet();
            if (wanted.FirstOrDefault(id => !found.Contains(id)) is var unknown and > 0)
            {
                return context.Notice(NeedStrings.UnknownQuotes, "#" + unknown.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (ids.FirstOrDefault(id => !need.QuoteIds.Contains(id)) is var missing and > 0)
        {
            return context.Notice(NeedStrings.UnknownQuotes, "#" + missing.ToString(CultureInfo.InvariantCulture));
        }

        var now = link ? need.QuoteIds.Concat(ids).Distinct().ToList() : [.. need.QuoteIds.Where(id => !ids.Contains(id))];
        if (now.Count > MaxLinkedQuotes)
        {
            return context.Notice(NeedStrings.TooManyQuotes, MaxLinkedQuotes);
        }

        static string Join(IEnumerable<long> list) => string.Join(' ', list.Select(i => "#" + i.ToString(CultureInfo.InvariantCulture)));
        return await EditAsync(context, need, NeedProperties.Quotes, Join(need.QuoteIds), Join(now), n => n with { QuoteIds = now }, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> ConflictAsync(FlowContext context, Need stale, CancellationToken cancellationToken)
    {
        var current = await needs.GetAsync(context.Channel, stale.Number, cancellationToken) ?? stale;
        return [Reply.Notice(context.T(NeedStrings.Conflict, stale.Number)), await CardAsync(context, current, artefact: false, cancellationToken) with { Visibility = ReplyVisibility.Ephemeral }];
    }

    private async Task<IReadOnlyList<Reply>> ListAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        NeedStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(args))
        {
            filter = NeedStrings.ParseStatus(args);
            if (filter is null)
            {
                var names = Glossary.List(context.Lang, Enum.GetValues<NeedStatus>().Select(s => context.T(NeedStrings.Status(s))));
                return context.Notice(NeedStrings.BadStatus, Markup.Escape(args.Trim()), names);
            }
        }

        var all = (await needs.ListAsync(context.Channel, MaxNeeds, cancellationToken)).Where(n => filter is null || n.Status == filter).ToList();
        if (all.Count == 0)
        {
            return context.Notice(NeedStrings.ListNone);
        }

        var evidence = await NeedEvidence.LoadAsync(quotes, customers, settings, context.Channel, all, cancellationToken);
        var ranked = Rank(all, evidence, context.Today);
        var lines = ranked.Take(MaxListed).Select(r =>
        {
            var set = r.Need.Moscow is Moscow m ? context.T(NeedStrings.ListMoscow, context.T(QuoteStrings.Priority(m))) : string.Empty;
            var line = context.T(NeedStrings.ListLine, r.Need.Number, Markup.Escape(r.Need.Title), context.T(NeedStrings.Status(r.Need.Status)), r.Score.Score, context.T(QuoteStrings.Priority(r.Score.Suggested)), set);
            return r.Need.Moscow == Moscow.Must && r.Score.Customers < evidence.Threshold ? line + "\n  " + context.T(NeedStrings.MustWithoutCommon, evidence.Threshold) : line;
        });
        var title = context.T(NeedStrings.ListTitle, all.Count);
        var blocks = new List<ReplyBlock> { new HeaderBlock(title), new TextBlock(string.Join('\n', lines)) };
        if (filter is NeedStatus f)
        {
            blocks.Add(new ContextBlock(context.T(NeedStrings.ListFilter, context.T(NeedStrings.Status(f)))));
        }

        if (all.Count > MaxListed)
        {
            blocks.Add(new ContextBlock(context.T(NeedStrings.ListMore, MaxListed, all.Count)));
        }

        blocks.Add(new ContextBlock(context.T(NeedStrings.ScoreFormula)));
        return [new Reply(blocks, title, ReplyVisibility.Ephemeral)];
    }

    /// <summary>Needs by score, highest first; ties by number.</summary>
    public static IReadOnlyList<(Need Need, NeedScore Score)> Rank(IEnumerable<Need> list, NeedEvidence evidence, DateOnly today) =>
        [.. list.Select(n => (Need: n, Score: evidence.Score(n, today))).OrderByDescending(r => r.Score.Score).ThenBy(r => r.Need.Number)];

    private async Task<IReadOnlyList<Reply>> NotifyAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        bool? on = args.Trim().ToLowerInvariant() switch
        {
            "on" or "开" or "开启" => true,
            "off" or "关" or "关闭" => false,
            _ => null,
        };
        if (on is not bool value)
        {
            return context.Notice(NeedStrings.NotifyUsage);
        }

        await settings.SetUserSettingAsync(context.Channel.WorkspaceKey, context.User.Id, NeedNotices.NotifySetting, value ? null : NeedNotices.Off, cancellationToken);
        return context.Notice(value ? NeedStrings.NotifyOn : NeedStrings.NotifyOff);
    }

    /// <summary>The need's card, with its evidence, score, history and the direct messages that were refused.</summary>
    /// <param name="context">The turn.</param>
    /// <param name="need">The need as it is now.</param>
    /// <param name="artefact">As the channel's living message, or as a plain message.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="evidence">The evidence the request already loaded (its linked quotes unchanged), so it is read once per request.</param>
    private async Task<Reply> CardAsync(FlowContext context, Need need, bool artefact, CancellationToken cancellationToken, NeedEvidence? evidence = null)
    {
        evidence ??= await NeedEvidence.LoadAsync(quotes, customers, settings, context.Channel, [need], cancellationToken);
        var history = await needs.HistoryAsync(context.Channel, need.Id, HistoryRead, cancellationToken);
        var refused = new List<string>();
        foreach (var change in history.Where(c => c.Property == NeedProperties.Status).Take(ChangesChecked))
        {
            foreach (var person in change.Notified)
            {
                var state = await deliveries.StateAsync(NeedNotices.To(context.Channel, person), change.NoticeKey(need.Id), cancellationToken);
                if (state is { State: DeliveryState.Dead })
                {
                    var status = Enum.TryParse<NeedStatus>(change.NewValue, out var s) ? context.T(NeedStrings.Status(s)) : change.NewValue ?? string.Empty;
                    refused.Add(context.T(NeedStrings.Refused, Markup.Mention(person), Markup.Escape(status), Markup.Escape(state.LastError ?? "?")));
                }
            }
        }

        return Card(context, need, evidence, history.Count > 0 ? history[0] : null, refused, artefact);
    }

    /// <summary>The card of a need: as the channel's living message for it, or as a plain message.</summary>
    public static Reply Card(FlowContext context, Need need, NeedEvidence evidence, NeedChange? last, IReadOnlyList<string> refused, bool artefact)
    {
        var linked = evidence.Linked(need);
        var score = evidence.Score(need, context.Today);
        var title = context.T(NeedStrings.Title, need.Number, need.Title);
        var notSet = context.T(NeedStrings.NotSet);
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(title),
            new FieldsBlock(
            [
                new(context.T(NeedStrings.FieldStatus), Markup.Bold(context.T(NeedStrings.Status(need.Status)))),
                new(context.T(NeedStrings.FieldMoscow), need.Moscow is Moscow m ? context.T(QuoteStrings.Priority(m)) : notSet),
                new(context.T(NeedStrings.FieldOwner), need.Owner is null ? notSet : Markup.Mention(need.Owner)),
                new(context.T(NeedStrings.FieldEffort), need.Effort?.ToString() ?? notSet),
                new(context.T(NeedStrings.FieldScore), context.T(NeedStrings.ScoreValue, score.Score, context.T(QuoteStrings.Priority(score.Suggested)))),
            ]),
            new ContextBlock(context.T(NeedStrings.Evidence, score.Customers, score.Arr, score.Renewals, score.ChurnQuotes, score.Feasibility) + "\n" + context.T(NeedStrings.ScoreFormula)),
        };
        if (!string.IsNullOrWhiteSpace(need.Reason))
        {
            blocks.Add(new TextBlock(context.T(NeedStrings.ReasonLine, Markup.Escape(need.Reason))));
        }

        if (need.Moscow == Moscow.Must && score.Customers < evidence.Threshold)
        {
            blocks.Add(new TextBlock(context.T(NeedStrings.MustWithoutCommon, evidence.Threshold)));
        }

        if (linked.Count == 0)
        {
            blocks.Add(new ContextBlock(context.T(NeedStrings.NoQuotes, need.Number)));
        }
        else
        {
            var lines = new List<string> { Markup.Bold(context.T(NeedStrings.QuotesLine, linked.Count)) };
            lines.AddRange(linked.Take(QuotesOnCard).Select(q =>
            {
                var body = QuoteMarkup.Strip(QuoteFlow.WithoutCustomer(q.Text, q.Customer)).Replace('\n', ' ');
                body = body.Length > QuoteExcerptLength ? body[..QuoteExcerptLength] + "…" : body;
                return context.T(NeedStrings.QuoteLine, q.Id, Markup.Escape(body), Markup.Escape(q.Customer ?? context.T(NeedStrings.NoCustomer)), Markup.Mention(q.Origin.CapturedBy));
            }));
            if (linked.Count > QuotesOnCard)
            {
                lines.Add(context.T(NeedStrings.MoreQuotes, linked.Count - QuotesOnCard));
            }

            blocks.Add(new TextBlock(string.Join('\n', lines)));
        }

        if (refused.Count > 0)
        {
            blocks.Add(new TextBlock(string.Join('\n', refused)));
        }

        if (last is not null)
        {
            blocks.Add(new ContextBlock(context.T(NeedStrings.LastChange, Markup.Mention(last.By), Markup.Escape(Describe(context, last)))));
        }

        var number = need.Number.ToString(CultureInfo.InvariantCulture);
        var version = need.Version.ToString(CultureInfo.InvariantCulture);
        var buttons = NeedStatusMachine.Next(need.Status).Select(s => new Button(
            context.T(s == NeedStatus.WontDo ? NeedStrings.WontDoButton : NeedStrings.Status(s)),
            NeedActions.Status,
            ActionValue.Join(number, s.ToString(), version),
            s == NeedStatus.WontDo ? ButtonStyle.Danger : s == NeedStatusMachine.Next(need.Status)[0] ? ButtonStyle.Primary : ButtonStyle.Default)).ToList();
        if (buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(buttons));
        }

        return artefact
            ? new Reply(blocks, title, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey(need.Number))
            : new Reply(blocks, title);
    }

    private static string Describe(FlowContext context, NeedChange change)
    {
        string Value(string? v) => change.Property switch
        {
            NeedProperties.Status when Enum.TryParse<NeedStatus>(v, out var s) => context.T(NeedStrings.Status(s)),
            NeedProperties.Moscow when Enum.TryParse<Moscow>(v, out var m) => context.T(QuoteStrings.Priority(m)),
            _ => v ?? context.T(NeedStrings.NotSet),
        };

        return change.Property == NeedProperties.Created
            ? context.T(NeedStrings.HistoryCreated)
            : $"{change.Property}: {Value(change.OldValue)} → {Value(change.NewValue)}";
    }

    private static Reply ReasonForm(FlowContext context, int number, int version, string? reason, string? error)
    {
        var form = new FormBlock(
            context.T(NeedStrings.ReasonFormTitle),
            NeedActions.Reason,
            ActionValue.Join(number.ToString(CultureInfo.InvariantCulture), version.ToString(CultureInfo.InvariantCulture)),
            [new FormInput(ReasonInput, context.T(NeedStrings.ReasonLabel), InputKind.Multiline, reason, Required: true, MaxLength: MaxReasonLength)],
            context.T(NeedStrings.ReasonSubmit),
            error);
        return new Reply([form], error ?? form.Title, ReplyVisibility.Ephemeral);
    }
}
