using System.Globalization;
using GtmBot.Engine.Dates;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>
/// The 8-step GTM checklist of a channel: a compact card (one line and one menu per step, the stage as a select), a form for
/// owner, due date and note, the product's life-cycle stage, and the details (hints, notes, last changes) behind "More".
/// The card leads with the stage's focus (<see cref="StagePlan"/>): the steps and questions that matter most now.
/// Buttons and forms carry the step's version; a stale one is refused and shows the current state instead of overwriting it.
/// </summary>
public sealed class ChecklistFlow(IChecklistStore store, IOkrStore okrs) : IFlow
{
    public const string FlowId = "checklist";
    public const string SetStatus = "checklist.status";
    public const string Edit = "checklist.edit";
    public const string Save = "checklist.save";
    public const string SetStage = "checklist.stage";
    public const string Show = "checklist.show";
    public const string Details = "checklist.details";

    /// <summary>Form input ids.</summary>
    public const string OwnerInput = "owner";
    public const string DueInput = "due";
    public const string NoteInput = "note";

    /// <summary>The steps of DESIGN §1.</summary>
    public const int Steps = 8;

    /// <summary>The step joint objectives belong to: sales targets and budget.</summary>
    public const int OkrStep = 6;

    /// <summary>Longest owner id kept (platform user ids are far shorter).</summary>
    public const int MaxOwnerLength = 200;

    /// <summary>The artefact key of the channel's living checklist.</summary>
    public const string ArtefactKey = "checklist";

    private static readonly string[] HistoryWords = ["history", "历史", "记录"];
    private static readonly string[] StageWords = ["stage", "阶段"];
    private static readonly string[] DetailWords = ["details", "more", "详情", "更多"];

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = ["checklist", "清单"];

    public Localized Help => ChecklistStrings.Help;

    public bool IsLookup(string command, string args) =>
        HistoryWords.Contains(args.Trim(), StringComparer.OrdinalIgnoreCase) || DetailWords.Contains(args.Trim(), StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        if (HistoryWords.Contains(args.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return [await HistoryAsync(context, cancellationToken)];
        }

        var existed = await store.FindAsync(context.Channel, cancellationToken);
        if (DetailWords.Contains(args.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            // Details never create the checklist: its first appearance is the channel's living card.
            return existed is null ? context.Notice(ChecklistStrings.NoneYet) : [DetailsCard(context, existed)];
        }

        var checklist = existed ?? await store.GetOrCreateAsync(context.Channel, Steps, context.Now, cancellationToken);

        var words = args.Split([' ', '\t', '\u3000'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && StageWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            return await StageCommandAsync(context, checklist, words.Length > 1 ? words[1] : null, cancellationToken);
        }

        var summary = await OkrSummaryAsync(context, cancellationToken);
        // One card per artefact: a new checklist is posted once, as the channel's living card; asking again shows it to the asker only.
        return [existed is null ? Card(context, checklist, summary, artefact: true) : Card(context, checklist, summary, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
    }

    /// <summary><c>/gtm checklist stage pilot</c> (or <c>/gtm 清单 阶段 试点</c>): the stage by name in either language.</summary>
    private async Task<IReadOnlyList<Reply>> StageCommandAsync(FlowContext context, Checklist checklist, string? typed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return context.Notice(StageStrings.Usage, StagePlan.Names(context.Lang));
        }

        if (StagePlan.Parse(typed) is not LifecycleStage stage)
        {
            return context.Notice(StageStrings.Unknown, Markup.Escape(PlanningText.Clip(typed, HistoryClip)), StagePlan.Names(context.Lang));
        }

        if (stage == checklist.Stage)
        {
            return context.Notice(StageStrings.Unchanged, context.T(ChecklistStrings.StageName(stage)));
        }

        return await SetStageAsync(context, checklist, stage, checklist.Version, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> SetStageAsync(FlowContext context, Checklist checklist, LifecycleStage stage, int version, CancellationToken cancellationToken)
    {
        if (!await store.SetStageAsync(context.Channel, version, stage, context.User, context.Now, cancellationToken))
        {
            return [Reply.Notice(context.T(ChecklistStrings.StageConflict)), Card(context, checklist, await OkrSummaryAsync(context, cancellationToken), artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        return await ChangedAsync(context, context.T(ChecklistStrings.StageSaved, context.T(ChecklistStrings.StageName(stage))), cancellationToken);
    }

    private async Task<OkrSummary> OkrSummaryAsync(FlowContext context, CancellationToken cancellationToken) =>
        OkrFlow.Summary(await okrs.ListAsync(context.Channel, cancellationToken), context.Now);

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var checklist = await store.FindAsync(context.Channel, cancellationToken);
        if (checklist is null)
        {
            return context.Notice(CoreStrings.NotFound);
        }

        var parts = ActionValue.SplitIds(action.Value);
        string Part(int index) => index < parts.Count ? parts[index] : string.Empty;
        int? Number(int index) => int.TryParse(Part(index), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var step = Number(0) is int s && s is >= 1 and <= Steps ? s : (int?)null;

        switch (action.ActionId)
        {
            case Show:
                return [Card(context, checklist, await OkrSummaryAsync(context, cancellationToken), artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
            case Details:
                return [DetailsCard(context, checklist) with { Visibility = ReplyVisibility.Ephemeral }];
            case SetStage when Enum.TryParse<LifecycleStage>(Part(0), out var stage) && Enum.IsDefined(stage) && Number(1) is int stageVersion:
                return await SetStageAsync(context, checklist, stage, stageVersion, cancellationToken);
            case SetStatus when step is int st && Enum.TryParse<ChecklistStatus>(Part(1), out var status) && Enum.IsDefined(status) && Number(2) is int version:
                var item = checklist[st];
                var result = await store.UpdateItemAsync(context.Channel, st, version, new ChecklistItemValues(status, item.OwnerId, item.Due, item.Note), context.User, context.Now, cancellationToken);
                if (!result.Saved)
                {
                    return [Reply.Notice(ConflictText(context, result.Current)), Card(context, checklist, await OkrSummaryAsync(context, cancellationToken), artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
                }

                return await ChangedAsync(context, context.T(ChecklistStrings.Saved, st), cancellationToken);
            case Edit when step is int st:
                var current = checklist[st];
                return [FormReply(context, st, current.Version, current.OwnerId, Date(current.Due), current.Note, null)];
            case Save when step is int st && Number(1) is int formVersion:
                return await SaveAsync(context, checklist, st, formVersion, action, cancellationToken);
            default:
                return context.Notice(CoreStrings.UnknownAction);
        }
    }

    private async Task<IReadOnlyList<Reply>> SaveAsync(FlowContext context, Checklist checklist, int step, int version, ActionInput action, CancellationToken cancellationToken)
    {
        var ownerText = action.Form.GetValueOrDefault(OwnerInput);
        var dueText = action.Form.GetValueOrDefault(DueInput);
        var note = action.Form.GetValueOrDefault(NoteInput);
        Reply Back(int v, string error) => FormReply(context, step, v, ownerText, dueText, note, error);

        if (string.IsNullOrWhiteSpace(ownerText) && string.IsNullOrWhiteSpace(dueText) && string.IsNullOrWhiteSpace(note))
        {
            return [Back(version, context.T(CoreStrings.Empty))];
        }

        if (!string.IsNullOrWhiteSpace(note) && PlanningText.Refusal(context, note) is string refusal)
        {
            return [Back(version, refusal)];
        }

        var owner = ParseOwner(ownerText);
        if (owner is { Length: > MaxOwnerLength })
        {
            return [Back(version, context.T(ChecklistStrings.BadOwner, MaxOwnerLength))];
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(dueText))
        {
            var written = dueText.Trim();
            if (HumanDate.Parse(written, context.Today) is not DateOnly d)
            {
                return [Back(version, context.T(ChecklistStrings.BadDate, Markup.Escape(written)))];
            }

            // "next Friday", "12/15" or "下周五" is echoed back as the exact day before it is saved: the form returns with the
            // date in its unambiguous form and saving again confirms it.
            var iso = Date(d)!;
            if (!string.Equals(written, iso, StringComparison.Ordinal))
            {
                return [FormReply(context, step, version, ownerText, iso, note, context.T(ChecklistStrings.ConfirmDate, Markup.Escape(written), HumanDate.Describe(d, context.Lang)))];
            }

            due = d;
        }

        var status = checklist[step].Status;
        var values = new ChecklistItemValues(status, owner, due, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        var result = await store.UpdateItemAsync(context.Channel, step, version, values, context.User, context.Now, cancellationToken);
        if (!result.Saved)
        {
            return [Back(result.Current.Version, ConflictText(context, result.Current))];
        }

        return await ChangedAsync(context, context.T(ChecklistStrings.Saved, step), cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> ChangedAsync(FlowContext context, string notice, CancellationToken cancellationToken)
    {
        var checklist = await store.FindAsync(context.Channel, cancellationToken);
        return checklist is null ? context.Notice(CoreStrings.NotFound) : [Reply.Notice(notice), Card(context, checklist, await OkrSummaryAsync(context, cancellationToken), artefact: true)];
    }

    private static string ConflictText(FlowContext context, ChecklistItem current)
    {
        var who = current.UpdatedBy is null ? "?" : Markup.Mention(current.UpdatedBy);
        var summary = Summary(context, current);
        return context.T(ChecklistStrings.Conflict, who, current.Step, summary);
    }

    /// <summary>Status, owner, due date and the overdue mark of a step, in markup.</summary>
    private static string Summary(FlowContext context, ChecklistItem item)
    {
        var parts = new List<string>
        {
            context.T(ChecklistStrings.StatusName(item.Status)),
            item.OwnerId is null ? context.T(ChecklistStrings.NoOwner) : context.T(ChecklistStrings.Owner, Markup.Mention(item.OwnerId)),
        };
        if (item.Due is DateOnly due)
        {
            parts.Add(context.T(ChecklistStrings.Due, Date(due)));
        }

        if (IsOverdue(item, context.Today))
        {
            parts.Add(context.T(ChecklistStrings.Overdue));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Not done and its due date is before <paramref name="today"/> (today in the reader's time zone).</summary>
    public static bool IsOverdue(ChecklistItem item, DateOnly today) =>
        item.Status != ChecklistStatus.Done && item.Due is DateOnly due && due < today;

    /// <summary>
    /// The checklist card, led by the stage's focus: as a channel message, or as the channel's living artefact. Compact: the
    /// stage is one select, each step is one line (status, owner, due date) with one menu of its other statuses and the
    /// owner/date/note form; hints, notes and last changes are behind <see cref="Details"/>.
    /// </summary>
    /// <param name="okrs">The joint objectives of step 6, counted on that step.</param>
    public static Reply Card(FlowContext context, Checklist checklist, OkrSummary okrs, bool artefact)
    {
        var title = context.T(ChecklistStrings.Title);
        var focus = StagePlan.For(checklist.Stage);
        var stageMenu = new ActionMenu(
            context.T(ChecklistStrings.StageMenu),
            [.. StagePlan.Stages.Select(s => new MenuOption(context.T(ChecklistStrings.StageName(s)), SetStage, ActionValue.Join(s, checklist.Version), s == checklist.Stage))]);
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(title),
            new TextBlock(string.Join('\n', StagePlan.FocusLines(checklist.Stage, context.Lang))),
            new ActionsBlock([]) { Menus = [stageMenu] },
            new ContextBlock(context.T(ChecklistStrings.Intro)),
            new DividerBlock(),
        };
        foreach (var item in checklist.Items)
        {
            var text = context.T(ChecklistStrings.ItemLine, item.Step, Markup.Escape(context.T(ChecklistStrings.StepName(item.Step))), Summary(context, item));
            if (focus.Steps.Contains(item.Step))
            {
                text += " · " + context.T(StageStrings.FocusMark);
            }

            if (item.Step == OkrStep)
            {
                text += "\n" + (okrs.Count == 0 ? context.T(OkrStrings.ChecklistNone) : context.T(OkrStrings.ChecklistCount, okrs.Count, okrs.Behind));
            }

            blocks.Add(new TextBlock(text));
            blocks.Add(new ActionsBlock([]) { Menus = [StepMenu(context, item)] });
        }

        blocks.Add(new ActionsBlock([new Button(context.T(ChecklistStrings.MoreButton), Details)]));
        return artefact
            ? new Reply(blocks, title, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey)
            : new Reply(blocks, title);
    }

    /// <summary>A step's menu: its other statuses, the owner/date/note form and, on step 6, the objectives board (at most five, an overflow).</summary>
    private static ActionMenu StepMenu(FlowContext context, ChecklistItem item)
    {
        var options = Enum.GetValues<ChecklistStatus>()
            .Where(s => s != item.Status)
            .Select(s => new MenuOption(context.T(ChecklistStrings.StatusName(s)), SetStatus, ActionValue.Join(item.Step, s, item.Version)))
            .Append(new MenuOption(context.T(ChecklistStrings.EditButton), Edit, ActionValue.Join(item.Step)))
            .ToList();
        if (item.Step == OkrStep)
        {
            options.Add(new MenuOption(context.T(OkrStrings.BoardTitle), OkrFlow.List));
        }

        return new ActionMenu(context.T(ChecklistStrings.StepMenu, item.Step), options, MenuStyle.Overflow);
    }

    /// <summary>What the compact card leaves out: each step's hint, note, owner, due date and last change.</summary>
    private static Reply DetailsCard(FlowContext context, Checklist checklist)
    {
        var title = context.T(ChecklistStrings.DetailsTitle);
        var blocks = new List<ReplyBlock> { new HeaderBlock(title) };
        foreach (var item in checklist.Items)
        {
            var text = context.T(ChecklistStrings.ItemLine, item.Step, Markup.Escape(context.T(ChecklistStrings.StepName(item.Step))), Summary(context, item));
            if (!string.IsNullOrWhiteSpace(item.Note))
            {
                text += "\n" + Markup.Escape(item.Note);
            }

            blocks.Add(new TextBlock(text));
            var hint = "💡 " + Markup.Escape(context.T(ChecklistStrings.StepHint(item.Step)));
            if (item.UpdatedBy is not null && item.UpdatedAt is DateTimeOffset at)
            {
                hint += "\n" + context.T(ChecklistStrings.LastChange, PlanningText.When(at), Markup.Mention(item.UpdatedBy));
            }

            blocks.Add(new ContextBlock(hint));
        }

        return new Reply(blocks, title);
    }

    private static Reply FormReply(FlowContext context, int step, int version, string? owner, string? due, string? note, string? error)
    {
        var form = new FormBlock(
            context.T(ChecklistStrings.FormTitle, step),
            Save,
            ActionValue.Join(step, version),
            [
                new FormInput(OwnerInput, context.T(ChecklistStrings.OwnerLabel), InputKind.User, owner),
                new FormInput(DueInput, context.T(ChecklistStrings.DueLabel), InputKind.Text, due, MaxLength: HumanDate.MaxLength, Placeholder: context.T(ChecklistStrings.DuePlaceholder)),
                new FormInput(NoteInput, context.T(ChecklistStrings.NoteLabel), InputKind.Multiline, note, MaxLength: PlanningText.MaxAnswerLength),
            ],
            context.T(CoreStrings.Save),
            error);
        var heading = $"**{step}. {Markup.Escape(context.T(ChecklistStrings.StepName(step)))}** · 💡 {Markup.Escape(context.T(ChecklistStrings.StepHint(step)))}";
        return new Reply([new ContextBlock(heading), form], form.Title, ReplyVisibility.Ephemeral);
    }

    private async Task<Reply> HistoryAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var changes = await store.HistoryAsync(context.Channel, PlanningText.MaxListed, cancellationToken);
        var title = context.T(ChecklistStrings.HistoryTitle);
        var blocks = new List<ReplyBlock> { new HeaderBlock(title) };
        if (changes.Count == 0)
        {
            blocks.Add(new TextBlock(context.T(ChecklistStrings.HistoryEmpty)));
        }

        foreach (var c in changes)
        {
            var what = c.Step == 0 ? context.T(ChecklistStrings.HistoryStage) : $"{c.Step}. {context.T(ChecklistStrings.StepName(c.Step))}";
            blocks.Add(new TextBlock(context.T(
                ChecklistStrings.HistoryEntry,
                PlanningText.When(c.At),
                Markup.Mention(c.UserId),
                Markup.Escape(what),
                Markup.Escape(context.T(ChecklistStrings.PropertyName(c.Property))),
                Shown(context, c.Property, c.OldValue),
                Shown(context, c.Property, c.NewValue))));
        }

        return new Reply(blocks, title);
    }

    private const int HistoryClip = 120;

    private static string Shown(FlowContext context, string property, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return context.T(ChecklistStrings.HistoryNothing);
        }

        return property switch
        {
            "owner" => Markup.Mention(value),
            "status" when Enum.TryParse<ChecklistStatus>(value, out var s) => context.T(ChecklistStrings.StatusName(s)),
            "stage" when Enum.TryParse<LifecycleStage>(value, out var st) => context.T(ChecklistStrings.StageName(st)),
            _ => Markup.Escape(PlanningText.Clip(value, HistoryClip)),
        };
    }

    /// <summary>
    /// A platform user id from what a person typed or a user picker sent: <c>U123</c>, <c>@ana</c>, or a mention <c>@[U123]</c>
    /// (the edges turn Slack's <c>&lt;@U123&gt;</c> and Teams' <c>&lt;at&gt;</c> into it).
    /// </summary>
    public static string? ParseOwner(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        if (s.StartsWith("@[", StringComparison.Ordinal) && s.EndsWith(']'))
        {
            s = s[2..^1];
        }

        s = s.TrimStart('@').Trim();
        return s.Length == 0 ? null : s;
    }

    private static string? Date(DateOnly? d) => d?.ToString(HumanDate.IsoFormat, CultureInfo.InvariantCulture);
}
