using System.Globalization;
using GtmBot.Engine.Dates;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>
/// Joint objectives with key results on checklist step 6 (sales targets and budget): each objective is owned by a product
/// person and a sales person together. The channel's objectives live on one card (<see cref="ArtefactKey"/>); the
/// checklist's step 6 counts them and the weekly digest names the ones behind schedule (<see cref="OkrSchedule"/>).
/// </summary>
public sealed class OkrFlow(IOkrStore store, IChecklistStore checklists) : IFlow
{
    public const string FlowId = "okr";
    public const string NewForm = "okr.new";
    public const string Create = "okr.create";
    public const string List = "okr.list";
    public const string KeyResultForm = "okr.kr";
    public const string AddKeyResult = "okr.kradd";
    public const string ProgressForm = "okr.progress";
    public const string SaveProgress = "okr.progresssave";

    /// <summary>Form input ids.</summary>
    public const string TitleInput = "title";
    public const string ProductInput = "product";
    public const string SalesInput = "sales";
    public const string DueInput = "due";
    public const string TextInput = "text";
    public const string TargetInput = "target";
    public const string UnitInput = "unit";
    public const string KeyResultInput = "kr";
    public const string ValueInput = "value";

    /// <summary>Longest objective or key-result text.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Most key results per objective: a few measurable results, not a task list (and the card stays within the platforms' text limits).</summary>
    public const int MaxKeyResults = 10;

    /// <summary>Longest unit ("customers", "k€").</summary>
    public const int MaxUnitLength = 20;

    /// <summary>Largest target or progress value accepted (the database keeps 18 digits, 4 after the point).</summary>
    public const decimal MaxValue = 99_999_999_999_999m;

    /// <summary>The artefact key of the channel's objectives card.</summary>
    public const string ArtefactKey = "okrs";

    private static readonly string[] NewWords = ["new", "add", "新建", "添加"];
    private static readonly string[] KeyResultWords = ["kr", "关键结果"];
    private static readonly string[] ProgressWords = ["progress", "进度"];
    private static readonly string[] ProductWords = ["product", "产品"];
    private static readonly string[] SalesWords = ["sales", "销售"];
    private static readonly string[] DueWords = ["due", "截止"];
    private static readonly string[] TargetWords = ["target", "目标"];

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = ["okr", "okrs", "目标"];

    public Localized Help => OkrStrings.Help;

    public bool IsLookup(string command, string args)
    {
        var words = PlanningText.Words(args);
        return words.Length == 0 || (words.Length == 1 && PlanningText.ParseNumber(words[0]) is not null);
    }

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var words = PlanningText.Words(args);
        if (words.Length == 0)
        {
            return [Board(context, await store.ListAsync(context.Channel, cancellationToken), artefact: false)];
        }

        if (Is(words[0], NewWords))
        {
            return words.Length == 1
                ? [NewObjectiveForm(context, null, null, null, null, null)]
                : await CreateAsync(context, ParseNew(words[1..]), cancellationToken);
        }

        if (PlanningText.ParseNumber(words[0]) is not int n)
        {
            return context.Notice(OkrStrings.Usage);
        }

        if (words.Length == 1)
        {
            return await ShowAsync(context, n, cancellationToken);
        }

        if (!Is(words[1], KeyResultWords) || words.Length < 3)
        {
            return context.Notice(OkrStrings.Usage);
        }

        if (Is(words[2], NewWords))
        {
            return await AddKeyResultCommandAsync(context, n, words[3..], cancellationToken);
        }

        if (PlanningText.ParseNumber(words[2]) is int k && words.Length >= 5 && Is(words[3], ProgressWords))
        {
            var written = string.Join(' ', words[4..]);
            return await ProgressAsync(context, n, k, written, form: null, cancellationToken);
        }

        return context.Notice(OkrStrings.Usage);
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var n = ActionValue.SplitIds(action.Value) is [var number] ? PlanningText.ParseNumber(number) : null;
        switch (action.ActionId)
        {
            case NewForm:
                return [NewObjectiveForm(context, null, null, null, null, null)];
            case Create:
                return await CreateAsync(
                    context,
                    new NewObjective(action.Field(TitleInput), action.Field(ProductInput), action.Field(SalesInput), action.Field(DueInput)),
                    cancellationToken);
            case List:
                return [Board(context, await store.ListAsync(context.Channel, cancellationToken), artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
            case KeyResultForm when n is int o:
                return await store.FindAsync(context.Channel, o, cancellationToken) is null
                    ? context.Notice(OkrStrings.UnknownObjective, o)
                    : [KeyResultFormReply(context, o, null, null, null, null)];
            case AddKeyResult when n is int o:
                return await AddKeyResultAsync(context, o, action.Field(TextInput), action.Field(TargetInput), action.Field(UnitInput), fromForm: true, cancellationToken);
            case ProgressForm when n is int o:
                var objective = await store.FindAsync(context.Channel, o, cancellationToken);
                if (objective is null)
                {
                    return context.Notice(OkrStrings.UnknownObjective, o);
                }

                return objective.KeyResults.Count == 0
                    ? context.Notice(OkrStrings.NoKeyResultsYet, o)
                    : [ProgressFormReply(context, objective, null, null, null)];
            case SaveProgress when n is int o:
                var chosen = action.Field(KeyResultInput);
                return PlanningText.ParseNumber(chosen) is int k
                    ? await ProgressAsync(context, o, k, action.Field(ValueInput) ?? string.Empty, (chosen, action.Field(ValueInput)), cancellationToken)
                    : await ProgressFormAgainAsync(context, o, chosen, action.Field(ValueInput), context.T(OkrStrings.UnknownKeyResult, o, Markup.Escape(chosen ?? "?")), cancellationToken);
            default:
                return context.Notice(CoreStrings.UnknownAction);
        }
    }

    /// <summary>What a person asked for in <c>okr new</c> or the form, as typed.</summary>
    private sealed record NewObjective(string? Title, string? Product, string? Sales, string? Due);

    /// <summary>
    /// Reads <c>&lt;objective&gt; product @a sales @b [due &lt;date&gt;]</c>, the keywords in any order after the title. The last
    /// occurrence of each keyword counts, so a title may itself say "sales" or "product" ("Grow sales in APAC product @a sales @b").
    /// </summary>
    private static NewObjective ParseNew(string[] words)
    {
        var marks = new[] { ProductWords, SalesWords, DueWords }
            .Select(k => Array.FindLastIndex(words, w => Is(w, k)))
            .ToArray();
        string? Value(int which)
        {
            var at = marks[which];
            if (at < 1)
            {
                return null;
            }

            var end = marks.Where(m => m > at).DefaultIfEmpty(words.Length).Min();
            return end > at + 1 ? string.Join(' ', words[(at + 1)..end]) : null;
        }

        var first = marks.Where(m => m >= 1).DefaultIfEmpty(words.Length).Min();
        return new NewObjective(first > 0 ? string.Join(' ', words[..first]) : null, Value(0), Value(1), Value(2));
    }

    private async Task<IReadOnlyList<Reply>> CreateAsync(FlowContext context, NewObjective typed, CancellationToken cancellationToken)
    {
        Reply Back(string error) => NewObjectiveForm(context, typed.Title, typed.Product, typed.Sales, typed.Due, error);

        if (string.IsNullOrWhiteSpace(typed.Title))
        {
            return [Back(context.T(CoreStrings.Empty))];
        }

        var title = typed.Title.Trim();
        if (title.Length > MaxTitleLength)
        {
            return [Back(context.T(CoreStrings.TooLong, title.Length, MaxTitleLength))];
        }

        var product = ChecklistFlow.ParseOwner(typed.Product);
        if (product is null)
        {
            return [Back(context.T(OkrStrings.MissingProduct))];
        }

        var sales = ChecklistFlow.ParseOwner(typed.Sales);
        if (sales is null)
        {
            return [Back(context.T(OkrStrings.MissingSales))];
        }

        if (product.Length > ChecklistFlow.MaxOwnerLength || sales.Length > ChecklistFlow.MaxOwnerLength)
        {
            return [Back(context.T(OkrStrings.BadOwner, ChecklistFlow.MaxOwnerLength))];
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(typed.Due))
        {
            var written = typed.Due.Trim();
            if (HumanDate.Parse(written, context.Today) is not DateOnly d)
            {
                return [Back(context.T(OkrStrings.BadDate, Markup.Escape(written)))];
            }

            if (d < context.Today)
            {
                return [Back(context.T(OkrStrings.PastDate, Iso(d)))];
            }

            due = d;
        }

        var objective = await store.AddObjectiveAsync(context.Channel, new ObjectiveValues(title, product, sales, due), context.User, context.Now, cancellationToken);
        return await ChangedAsync(context, context.T(OkrStrings.Created, objective.Number, Markup.Escape(objective.Title)), cancellationToken);
    }

    private Task<IReadOnlyList<Reply>> AddKeyResultCommandAsync(FlowContext context, int objective, string[] words, CancellationToken cancellationToken)
    {
        // The last "target" word splits the text from the number, so a key result may itself mention a target.
        var at = Array.FindLastIndex(words, w => Is(w, TargetWords));
        var text = at < 0 ? string.Join(' ', words) : string.Join(' ', words[..at]);
        var target = at < 0 || at + 1 >= words.Length ? null : words[at + 1];
        var unit = at < 0 || at + 2 >= words.Length ? null : string.Join(' ', words[(at + 2)..]);
        return AddKeyResultAsync(context, objective, text, target, unit, fromForm: false, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> AddKeyResultAsync(FlowContext context, int objective, string? text, string? targetText, string? unit, bool fromForm, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(context.Channel, objective, cancellationToken);
        if (current is null)
        {
            return context.Notice(OkrStrings.UnknownObjective, objective);
        }

        if (current.KeyResults.Count >= MaxKeyResults)
        {
            return context.Notice(OkrStrings.TooManyKeyResults, objective, MaxKeyResults);
        }

        IReadOnlyList<Reply> Back(string error) => [KeyResultFormReply(context, objective, text, targetText, unit, error)];

        if (string.IsNullOrWhiteSpace(text))
        {
            return Back(context.T(CoreStrings.Empty));
        }

        text = text.Trim();
        if (text.Length > MaxTitleLength)
        {
            return Back(context.T(CoreStrings.TooLong, text.Length, MaxTitleLength));
        }

        if (string.IsNullOrWhiteSpace(targetText))
        {
            return fromForm ? Back(context.T(OkrStrings.TargetEmpty)) : Back(context.T(OkrStrings.MissingTarget, objective));
        }

        if (ParseValue(targetText) is not decimal target)
        {
            return Back(context.T(OkrStrings.BadNumber, Markup.Escape(targetText.Trim())));
        }

        if (target <= 0)
        {
            return Back(context.T(OkrStrings.NegativeTarget, Shown(target)));
        }

        unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        if (unit is { Length: > MaxUnitLength })
        {
            return Back(context.T(OkrStrings.UnitTooLong, MaxUnitLength));
        }

        var written = await store.AddKeyResultAsync(context.Channel, objective, new KeyResultValues(text, target, unit), context.User, context.Now, cancellationToken);
        if (written != OkrWrite.Saved)
        {
            return context.Notice(OkrStrings.UnknownObjective, objective);
        }

        var saved = await store.FindAsync(context.Channel, objective, cancellationToken);
        return await ChangedAsync(context, context.T(OkrStrings.KeyResultAdded, objective, saved?.KeyResults.Count ?? 0), cancellationToken);
    }

    /// <param name="form">What the progress form held, to give it back on a refusal; null when the value was typed as a command.</param>
    private async Task<IReadOnlyList<Reply>> ProgressAsync(FlowContext context, int objective, int keyResult, string written, (string? Kr, string? Value)? form, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(context.Channel, objective, cancellationToken);
        if (current is null)
        {
            return context.Notice(OkrStrings.UnknownObjective, objective);
        }

        async Task<IReadOnlyList<Reply>> Refuse(string error) =>
            form is var (kr, value) ? await ProgressFormAgainAsync(context, objective, kr, value, error, cancellationToken) : [Reply.Notice(error)];

        if (current.KeyResults.All(k => k.Number != keyResult))
        {
            return await Refuse(context.T(OkrStrings.UnknownKeyResult, objective, keyResult));
        }

        if (ParseValue(written) is not decimal progress)
        {
            return await Refuse(context.T(OkrStrings.BadNumber, Markup.Escape(written.Trim())));
        }

        if (progress < 0)
        {
            return await Refuse(context.T(OkrStrings.NegativeProgress, Shown(progress)));
        }

        var result = await store.SetProgressAsync(context.Channel, objective, keyResult, progress, context.User, context.Now, cancellationToken);
        return result switch
        {
            OkrWrite.Saved => await ChangedAsync(context, context.T(OkrStrings.ProgressSaved, objective, keyResult, Shown(progress)), cancellationToken),
            OkrWrite.NoKeyResult => await Refuse(context.T(OkrStrings.UnknownKeyResult, objective, keyResult)),
            _ => context.Notice(OkrStrings.UnknownObjective, objective),
        };
    }

    private async Task<IReadOnlyList<Reply>> ProgressFormAgainAsync(FlowContext context, int objective, string? kr, string? value, string error, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(context.Channel, objective, cancellationToken);
        return current is null ? context.Notice(OkrStrings.UnknownObjective, objective) : [ProgressFormReply(context, current, kr, value, error)];
    }

    private async Task<IReadOnlyList<Reply>> ShowAsync(FlowContext context, int number, CancellationToken cancellationToken)
    {
        var objective = await store.FindAsync(context.Channel, number, cancellationToken);
        if (objective is null)
        {
            return context.Notice(OkrStrings.UnknownObjective, number);
        }

        var blocks = new List<ReplyBlock> { new HeaderBlock(context.T(OkrStrings.BoardTitle)) };
        blocks.AddRange(ObjectiveBlocks(context, objective));
        return [new Reply(blocks, objective.Title)];
    }

    /// <summary>After a write: the notice, the channel's objectives card, and the checklist card whose step 6 counts them.</summary>
    private async Task<IReadOnlyList<Reply>> ChangedAsync(FlowContext context, string notice, CancellationToken cancellationToken)
    {
        var objectives = await store.ListAsync(context.Channel, cancellationToken);
        var replies = new List<Reply> { Reply.Notice(notice), Board(context, objectives, artefact: true) };
        if (await checklists.FindAsync(context.Channel, cancellationToken) is Checklist checklist)
        {
            replies.Add(ChecklistFlow.Card(context, checklist, Summary(objectives, context.Now), artefact: true));
        }

        return replies;
    }

    /// <summary>How many objectives a channel has and how many of them are behind schedule.</summary>
    public static OkrSummary Summary(IReadOnlyList<Objective> objectives, DateTimeOffset now) =>
        new(objectives.Count, objectives.Count(o => OkrSchedule.IsBehind(o, now)));

    /// <summary>The channel's objectives with progress bars, as a message or as the living card.</summary>
    public static Reply Board(FlowContext context, IReadOnlyList<Objective> objectives, bool artefact)
    {
        var title = context.T(OkrStrings.BoardTitle);
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(title),
            new ContextBlock(context.T(OkrStrings.BoardIntro, OkrSchedule.Percent(OkrSchedule.BehindMargin))),
        };
        if (objectives.Count == 0)
        {
            blocks.Add(new TextBlock(context.T(OkrStrings.BoardEmpty)));
        }

        foreach (var objective in objectives.Take(PlanningText.MaxListed))
        {
            blocks.AddRange(ObjectiveBlocks(context, objective));
        }

        blocks.Add(new ActionsBlock([new Button(context.T(OkrStrings.NewButton), NewForm, null, ButtonStyle.Primary)]));
        return artefact
            ? new Reply(blocks, title, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey)
            : new Reply(blocks, title);
    }

    private static IEnumerable<ReplyBlock> ObjectiveBlocks(FlowContext context, Objective objective)
    {
        var due = objective.Due is DateOnly d ? context.T(OkrStrings.DueOn, Iso(d)) : context.T(OkrStrings.NoDue);
        var lines = new List<string>
        {
            context.T(OkrStrings.ObjectiveLine, objective.Number, Markup.Escape(objective.Title), Markup.Mention(objective.ProductOwner), Markup.Mention(objective.SalesOwner), due),
        };
        var progress = OkrSchedule.Bar(OkrSchedule.Progress(objective));
        var status = OkrSchedule.TimeGone(objective, context.Now) is double gone
            ? context.T(OkrStrings.ProgressLine, progress, OkrSchedule.Percent(gone)) + " · " + context.T(OkrSchedule.IsBehind(objective, context.Now) ? OkrStrings.Behind : OkrStrings.OnTrack)
            : context.T(OkrStrings.ProgressNoDue, progress);
        lines.Add(status);
        if (objective.KeyResults.Count == 0)
        {
            lines.Add(context.T(OkrStrings.NoKeyResults));
        }

        foreach (var kr in objective.KeyResults)
        {
            lines.Add(context.T(OkrStrings.KeyResultLine, objective.Number, kr.Number, Markup.Escape(kr.Text), Shown(kr.Progress), Shown(kr.Target), Markup.Escape(kr.Unit ?? string.Empty)).TrimEnd()
                + " " + OkrSchedule.Bar(OkrSchedule.Fraction(kr)));
        }

        var value = ActionValue.Join(objective.Number);
        yield return new TextBlock(string.Join('\n', lines));
        yield return new ActionsBlock(
        [
            new Button(context.T(OkrStrings.AddKeyResultButton), KeyResultForm, value),
            new Button(context.T(OkrStrings.ProgressButton), ProgressForm, value),
        ]);
    }

    private static Reply NewObjectiveForm(FlowContext context, string? title, string? product, string? sales, string? due, string? error)
    {
        var form = new FormBlock(
            context.T(OkrStrings.NewFormTitle),
            Create,
            null,
            [
                new FormInput(TitleInput, context.T(OkrStrings.TitleLabel), InputKind.Text, title, Required: true, MaxLength: MaxTitleLength, Placeholder: context.T(OkrStrings.TitlePlaceholder)),
                new FormInput(ProductInput, context.T(OkrStrings.ProductLabel), InputKind.User, product, Required: true),
                new FormInput(SalesInput, context.T(OkrStrings.SalesLabel), InputKind.User, sales, Required: true),
                new FormInput(DueInput, context.T(OkrStrings.DueLabel), InputKind.Text, due, MaxLength: HumanDate.MaxLength, Placeholder: context.T(OkrStrings.DuePlaceholder)),
            ],
            context.T(CoreStrings.Save),
            error);
        return new Reply([new ContextBlock(Markup.Escape(context.T(ChecklistStrings.StepName(6))) + " · 💡 " + Markup.Escape(context.T(ChecklistStrings.StepHint(6)))), form], form.Title, ReplyVisibility.Ephemeral);
    }

    private static Reply KeyResultFormReply(FlowContext context, int objective, string? text, string? target, string? unit, string? error)
    {
        var form = new FormBlock(
            context.T(OkrStrings.KeyResultFormTitle, objective),
            AddKeyResult,
            objective.ToString(CultureInfo.InvariantCulture),
            [
                new FormInput(TextInput, context.T(OkrStrings.KeyResultLabel), InputKind.Text, text, Required: true, MaxLength: MaxTitleLength),
                new FormInput(TargetInput, context.T(OkrStrings.TargetLabel), InputKind.Text, target, Required: true, MaxLength: 30),
                new FormInput(UnitInput, context.T(OkrStrings.UnitLabel), InputKind.Text, unit, MaxLength: MaxUnitLength),
            ],
            context.T(CoreStrings.Save),
            error);
        return new Reply([form], form.Title, ReplyVisibility.Ephemeral);
    }

    private static Reply ProgressFormReply(FlowContext context, Objective objective, string? kr, string? value, string? error)
    {
        var choices = objective.KeyResults
            .Select(k => new Choice(PlanningText.Clip($"{objective.Number}.{k.Number} {k.Text}", 70), k.Number.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var form = new FormBlock(
            context.T(OkrStrings.ProgressFormTitle, objective.Number),
            SaveProgress,
            objective.Number.ToString(CultureInfo.InvariantCulture),
            [
                new FormInput(KeyResultInput, context.T(OkrStrings.WhichKeyResult), InputKind.Select, kr ?? choices.FirstOrDefault()?.Value, choices, Required: true),
                new FormInput(ValueInput, context.T(OkrStrings.ValueLabel), InputKind.Text, value, Required: true, MaxLength: 30),
            ],
            context.T(CoreStrings.Save),
            error);
        return new Reply([form], form.Title, ReplyVisibility.Ephemeral);
    }

    /// <summary>A number as typed in either language: <c>1,200</c>, <c>1200.5</c>, <c>１２００</c>, <c>-3</c>.</summary>
    public static decimal? ParseValue(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = new string([.. text.Trim().Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c switch { '，' => ',', '．' => '.', '－' => '-', _ => c })]);
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= MaxValue ? v : null;
    }

    private static string Shown(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString(HumanDate.IsoFormat, CultureInfo.InvariantCulture);

    private static bool Is(string word, string[] words) => words.Contains(word, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A channel's objectives count and how many are behind schedule, for checklist step 6.</summary>
public sealed record OkrSummary(int Count, int Behind);
