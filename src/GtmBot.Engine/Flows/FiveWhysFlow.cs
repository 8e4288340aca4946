using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Flows;

/// <summary>
/// Five whys: anyone in the channel answers "why?" up to <see cref="MaxWhys"/> times (or stops early), may answer the
/// optional "why would they choose us?", picks which answer is the root cause (or writes it), calls need or want, then
/// chooses to write the result into the canvas's Why or What field.
/// Each button and form carries the drill id and the step it was made for, so a stale press never moves a drill twice.
/// </summary>
public sealed class FiveWhysFlow(IDrillStore drills, ICanvasStore canvases) : IFlow
{
    public const string FlowId = "why";
    public const string Answer = "why.answer";
    public const string Submit = "why.submit";
    public const string Stop = "why.stop";
    public const string SetMotive = "why.motive";
    public const string Apply = "why.apply";
    public const string Write = "why.write";
    public const string Skip = "why.skip";
    public const string Show = "why.show";
    public const string WhyUsAnswer = "why.us";
    public const string WhyUsSubmit = "why.us-submit";
    public const string WhyUsSkip = "why.us-skip";
    public const string Pick = "why.pick";
    public const string Own = "why.own";
    public const string OwnSubmit = "why.own-submit";

    /// <summary>Form input ids.</summary>
    public const string AnswerInput = "answer";
    public const string CanvasInput = "canvas";
    public const string TextInput = "text";
    public const string WhyUsInput = "why_us";
    public const string RootCauseInput = "root_cause";

    /// <summary>How many times the drill asks why.</summary>
    public const int MaxWhys = 5;

    /// <summary>Writes into a canvas field retry this often when someone edits the field at the same moment (the write appends, so it is safe to redo).</summary>
    private const int WriteAttempts = 3;

    private const int ButtonsPerRow = 5;
    private const int ProblemClip = 120;

    private static readonly string[] ListWords = ["list", "列表"];

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = ["why", "为什么"];

    public Localized Help => FiveWhysStrings.Help;

    public bool IsLookup(string command, string args) => ListWords.Contains(args.Trim(), StringComparer.OrdinalIgnoreCase);

    public static string ArtefactKey(long drillId) => $"why:{drillId.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var problem = args.Trim();
        if (problem.Length == 0)
        {
            return context.Notice(FiveWhysStrings.Usage);
        }

        if (ListWords.Contains(problem, StringComparer.OrdinalIgnoreCase))
        {
            return [await ListAsync(context, cancellationToken)];
        }

        var refusal = PlanningText.Refusal(context, problem);
        if (refusal is not null)
        {
            return [Reply.Notice(refusal)];
        }

        var drill = await drills.StartAsync(context.Channel, problem, context.User, context.Now, cancellationToken);
        // One card per drill: its living card, updated in place as answers come in.
        return [Card(context, drill, artefact: true)];
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var parts = ActionValue.SplitIds(action.Value);
        if (parts.Count == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var drillId))
        {
            return context.Notice(CoreStrings.UnknownAction);
        }

        var drill = await drills.FindAsync(context.Channel, drillId, cancellationToken);
        if (drill is null)
        {
            return context.Notice(CoreStrings.NotFound);
        }

        var arg = parts.Count > 1 ? parts[1] : string.Empty;
        return action.ActionId switch
        {
            Show => [Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }],
            Answer when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var step) => OpenAnswer(context, drill, step),
            Submit when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var step) => await SubmitAsync(context, drill, step, action, cancellationToken),
            Stop => await MoveAsync(context, drill, DrillStage.Asking, DrillStage.WhyUs, null, null, cancellationToken),
            WhyUsAnswer => drill.Stage == DrillStage.WhyUs ? [WhyUsForm(context, drill, null, null)] : Stale(context, drill),
            WhyUsSubmit => await WhyUsAsync(context, drill, action.Form.GetValueOrDefault(WhyUsInput), skip: false, cancellationToken),
            WhyUsSkip => await WhyUsAsync(context, drill, null, skip: true, cancellationToken),
            Pick when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var step) => await PickAsync(context, drill, step, cancellationToken),
            Own => drill.Stage == DrillStage.PickRoot ? [OwnForm(context, drill, null, null)] : Stale(context, drill),
            OwnSubmit => await OwnAsync(context, drill, action.Form.GetValueOrDefault(RootCauseInput), cancellationToken),
            SetMotive when Enum.TryParse<Motive>(arg, out var motive) && Enum.IsDefined(motive) && motive != Motive.Unclear =>
                await MoveAsync(context, drill, DrillStage.NeedOrWant, DrillStage.Offer, motive, null, cancellationToken),
            Apply when TargetField(arg) is CanvasField field => await OpenApplyAsync(context, drill, field, cancellationToken),
            Write when TargetField(arg) is CanvasField field => await WriteAsync(context, drill, field, action, cancellationToken),
            Skip => await MoveAsync(context, drill, DrillStage.Offer, DrillStage.Done, null, null, cancellationToken),
            _ => context.Notice(CoreStrings.UnknownAction),
        };
    }

    private static IReadOnlyList<Reply> Stale(FlowContext context, Drill drill) =>
        [Reply.Notice(context.T(FiveWhysStrings.StaleButton)), Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];

    private static Reply WhyUsForm(FlowContext context, Drill drill, string? text, string? error)
    {
        var form = new FormBlock(
            context.T(FiveWhysStrings.WhyUsTitle),
            WhyUsSubmit,
            ActionValue.Join(drill.Id),
            [new FormInput(WhyUsInput, context.T(FiveWhysStrings.WhyUsLabel), InputKind.Multiline, text, Required: true, MaxLength: PlanningText.MaxAnswerLength, Placeholder: context.T(FiveWhysStrings.WhyUsHint))],
            context.T(FiveWhysStrings.AnswerSend),
            error);
        return new Reply([form], form.Title, ReplyVisibility.Ephemeral);
    }

    private async Task<IReadOnlyList<Reply>> WhyUsAsync(FlowContext context, Drill drill, string? raw, bool skip, CancellationToken cancellationToken)
    {
        if (drill.Stage != DrillStage.WhyUs)
        {
            return skip ? Stale(context, drill) : [Reply.Notice(context.T(FiveWhysStrings.MovedOn, Markup.Escape(raw))), Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        if (!skip && PlanningText.Refusal(context, raw) is { } refusal)
        {
            return [WhyUsForm(context, drill, raw, refusal)];
        }

        if (!await drills.AnswerWhyUsAsync(context.Channel, drill.Id, skip ? null : raw!.Trim(), context.User, context.Now, cancellationToken))
        {
            var current = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
            return skip ? Stale(context, current) : [Reply.Notice(context.T(FiveWhysStrings.MovedOn, Markup.Escape(raw))), Card(context, current, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        var updated = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
        return [Reply.Notice(context.T(skip ? FiveWhysStrings.WhyUsSkipped : FiveWhysStrings.WhyUsNoted)), Card(context, updated, artefact: true)];
    }

    private async Task<IReadOnlyList<Reply>> PickAsync(FlowContext context, Drill drill, int step, CancellationToken cancellationToken)
    {
        var answer = drill.Answers.FirstOrDefault(a => a.Step == step);
        if (drill.Stage != DrillStage.PickRoot || answer is null)
        {
            return Stale(context, drill);
        }

        return await KeepRootCauseAsync(context, drill, answer.Text, step, cancellationToken);
    }

    private static Reply OwnForm(FlowContext context, Drill drill, string? text, string? error)
    {
        var form = new FormBlock(
            context.T(FiveWhysStrings.OwnTitle),
            OwnSubmit,
            drill.Id.ToString(CultureInfo.InvariantCulture),
            [new FormInput(RootCauseInput, context.T(FiveWhysStrings.OwnLabel, PlanningText.Clip(drill.Problem, ProblemClip)), InputKind.Multiline, text, Required: true, MaxLength: PlanningText.MaxAnswerLength)],
            context.T(FiveWhysStrings.OwnSend),
            error);
        return new Reply([form], form.Title, ReplyVisibility.Ephemeral);
    }

    private async Task<IReadOnlyList<Reply>> OwnAsync(FlowContext context, Drill drill, string? raw, CancellationToken cancellationToken)
    {
        if (drill.Stage != DrillStage.PickRoot)
        {
            return [Reply.Notice(context.T(FiveWhysStrings.MovedOn, Markup.Escape(raw))), Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        if (PlanningText.Refusal(context, raw) is { } refusal)
        {
            return [OwnForm(context, drill, raw, refusal)];
        }

        return await KeepRootCauseAsync(context, drill, raw!.Trim(), null, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> KeepRootCauseAsync(FlowContext context, Drill drill, string text, int? step, CancellationToken cancellationToken)
    {
        var kept = await drills.PickRootCauseAsync(context.Channel, drill.Id, text, step, context.User, context.Now, cancellationToken);
        var current = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
        if (!kept)
        {
            return step is null
                ? [Reply.Notice(context.T(FiveWhysStrings.MovedOn, Markup.Escape(text))), Card(context, current, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }]
                : Stale(context, current);
        }

        return [Reply.Notice(context.T(FiveWhysStrings.RootCauseKept)), Card(context, current, artefact: true)];
    }

    private static CanvasField? TargetField(string arg) => arg switch
    {
        nameof(CanvasField.Why) => CanvasField.Why,
        nameof(CanvasField.What) => CanvasField.What,
        _ => null,
    };

    private static IReadOnlyList<Reply> OpenAnswer(FlowContext context, Drill drill, int step)
    {
        if (drill.Stage != DrillStage.Asking || step != drill.Answers.Count + 1)
        {
            return Stale(context, drill);
        }

        return [AnswerForm(context, drill, step, null, null)];
    }

    private static Reply AnswerForm(FlowContext context, Drill drill, int step, string? text, string? error)
    {
        var previous = step == 1 ? drill.Problem : drill.Answers.First(a => a.Step == step - 1).Text;
        var form = new FormBlock(
            context.T(FiveWhysStrings.AnswerFormTitle, step),
            Submit,
            ActionValue.Join(drill.Id, step),
            [new FormInput(AnswerInput, context.T(FiveWhysStrings.AnswerLabel, PlanningText.Clip(previous, ProblemClip)), InputKind.Multiline, text,
                Required: true, MaxLength: PlanningText.MaxAnswerLength, Placeholder: context.T(FiveWhysStrings.Hint(step)))],
            context.T(FiveWhysStrings.AnswerSend),
            error);
        return new Reply([new ContextBlock("💡 " + context.T(FiveWhysStrings.Hint(step))), form], context.T(FiveWhysStrings.AnswerFormTitle, step), ReplyVisibility.Ephemeral);
    }

    private async Task<IReadOnlyList<Reply>> SubmitAsync(FlowContext context, Drill drill, int step, ActionInput action, CancellationToken cancellationToken)
    {
        var raw = action.Form.GetValueOrDefault(AnswerInput);
        if (drill.Stage != DrillStage.Asking || step > MaxWhys)
        {
            return [Reply.Notice(context.T(FiveWhysStrings.MovedOn, Markup.Escape(raw))), Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        var refusal = PlanningText.Refusal(context, raw);
        if (refusal is not null)
        {
            return [AnswerForm(context, drill, step, raw, refusal)];
        }

        var stageAfter = step == MaxWhys ? DrillStage.WhyUs : DrillStage.Asking;
        if (!await drills.AddAnswerAsync(context.Channel, drill.Id, step, raw!.Trim(), stageAfter, context.User, context.Now, cancellationToken))
        {
            var current = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
            var taken = current.Answers.FirstOrDefault(a => a.Step == step);
            if (current.Stage != DrillStage.Asking || taken is null)
            {
                return [Reply.Notice(context.T(FiveWhysStrings.MovedOn, Markup.Escape(raw))), Card(context, current, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
            }

            var next = current.Answers.Count + 1;
            var error = context.T(FiveWhysStrings.AlreadyAnswered, step, Markup.Escape(PlanningText.Clip(taken.Text, ProblemClip)), next);
            return [AnswerForm(context, current, next, raw, error)];
        }

        var updated = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
        return [Reply.Notice(context.T(FiveWhysStrings.Thanks, step)), Card(context, updated, artefact: true)];
    }

    private async Task<IReadOnlyList<Reply>> MoveAsync(FlowContext context, Drill drill, DrillStage from, DrillStage to, Motive? motive, string? appliedTo, CancellationToken cancellationToken)
    {
        if (from == DrillStage.Asking && drill.Answers.Count == 0)
        {
            return context.Notice(FiveWhysStrings.NoAnswerYet);
        }

        var moved = await drills.MoveAsync(context.Channel, drill.Id, from, to, motive, appliedTo, context.Now, cancellationToken);
        var current = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
        if (!moved)
        {
            return [Reply.Notice(context.T(FiveWhysStrings.StaleButton)), Card(context, current, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        var notice = to switch
        {
            DrillStage.WhyUs => context.T(FiveWhysStrings.Stopped),
            DrillStage.Offer => context.T(FiveWhysStrings.MotiveSet, context.T(FiveWhysStrings.MotiveName(current.Motive))),
            _ => context.T(FiveWhysStrings.Closed),
        };
        return [Reply.Notice(notice), Card(context, current, artefact: true)];
    }

    private async Task<IReadOnlyList<Reply>> OpenApplyAsync(FlowContext context, Drill drill, CanvasField field, CancellationToken cancellationToken)
    {
        if (drill.Stage != DrillStage.Offer)
        {
            return [Reply.Notice(context.T(FiveWhysStrings.StaleButton)), Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        // What holds the positioning: the answer to "why us?" when the team gave one; Why holds the root cause.
        var text = field == CanvasField.What && drill.WhyUs is { } whyUs
            ? context.T(FiveWhysStrings.ApplyWhyUsText, whyUs, drill.Number, PlanningText.Clip(drill.Problem, ProblemClip))
            : context.T(FiveWhysStrings.ApplyText, drill.RootCause, context.T(FiveWhysStrings.MotiveName(drill.Motive)), drill.Number, PlanningText.Clip(drill.Problem, ProblemClip));
        return [await ApplyFormAsync(context, drill, field, null, text, null, cancellationToken)];
    }

    private async Task<Reply> ApplyFormAsync(FlowContext context, Drill drill, CanvasField field, string? canvasName, string? text, string? error, CancellationToken cancellationToken)
    {
        // The channel's current canvas (the one worked on last) comes first and is the default: writing into "default" in
        // a channel working on a named canvas would leave an orphan canvas behind.
        var names = (await canvases.ListAsync(context.Channel, cancellationToken))
            .OrderByDescending(c => c.Fields.Max(f => f.UpdatedAt) ?? c.CreatedAt)
            .Select(c => c.Name)
            .ToList();
        if (names.Count == 0)
        {
            names.Add(CanvasFlow.DefaultName);
        }

        var fieldName = context.T(CanvasStrings.Name(field));
        var form = new FormBlock(
            context.T(FiveWhysStrings.ApplyFormTitle),
            Write,
            ActionValue.Join(drill.Id, field),
            [
                new FormInput(CanvasInput, context.T(FiveWhysStrings.CanvasLabel), InputKind.Select, canvasName ?? names[0], [.. names.Select(n => new Choice(n, n))], Required: true),
                new FormInput(TextInput, context.T(FiveWhysStrings.ApplyTextLabel, fieldName), InputKind.Multiline, text, Required: true, MaxLength: PlanningText.MaxAnswerLength),
            ],
            context.T(FiveWhysStrings.ApplySend),
            error);
        return new Reply([form], form.Title, ReplyVisibility.Ephemeral);
    }

    private async Task<IReadOnlyList<Reply>> WriteAsync(FlowContext context, Drill drill, CanvasField field, ActionInput action, CancellationToken cancellationToken)
    {
        var raw = action.Form.GetValueOrDefault(TextInput);
        var name = CanvasFlow.NormalizeName(action.Field(CanvasInput));
        if (drill.Stage != DrillStage.Offer)
        {
            return [Reply.Notice(context.T(FiveWhysStrings.StaleButton)), Card(context, drill, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
        }

        var refusal = PlanningText.Refusal(context, raw);
        if (refusal is not null)
        {
            return [await ApplyFormAsync(context, drill, field, name, raw, refusal, cancellationToken)];
        }

        var canvas = await canvases.GetOrCreateAsync(context.Channel, name, context.Now, cancellationToken);
        for (var attempt = 0; attempt < WriteAttempts; attempt++)
        {
            var current = canvas[field];
            var value = string.IsNullOrWhiteSpace(current.Value) ? raw!.Trim() : current.Value + "\n\n" + raw!.Trim();
            refusal = PlanningText.Refusal(context, value);
            if (refusal is not null)
            {
                return [await ApplyFormAsync(context, drill, field, name, raw, refusal, cancellationToken)];
            }

            var motive = field == CanvasField.Why ? drill.Motive : current.Motive;
            var result = await canvases.UpdateFieldAsync(context.Channel, canvas.Id, field, current.Version, value, motive, context.User, context.Now, cancellationToken);
            if (result.Saved)
            {
                await drills.MoveAsync(context.Channel, drill.Id, DrillStage.Offer, DrillStage.Done, null, $"{canvas.Name}:{field}", context.Now, cancellationToken);
                var done = await drills.FindAsync(context.Channel, drill.Id, cancellationToken) ?? drill;
                var updatedCanvas = await canvases.FindAsync(context.Channel, canvas.Id, cancellationToken) ?? canvas;
                return
                [
                    Reply.Notice(context.T(FiveWhysStrings.Applied, Markup.Escape(canvas.Name), Markup.Escape(context.T(CanvasStrings.Name(field))))),
                    Card(context, done, artefact: true),
                    CanvasFlow.Card(context, updatedCanvas, artefact: true),
                ];
            }

            canvas = await canvases.FindAsync(context.Channel, canvas.Id, cancellationToken) ?? canvas;
        }

        return [await ApplyFormAsync(context, drill, field, name, raw, context.T(CoreStrings.NotFound), cancellationToken)];
    }

    /// <summary>The drill card: the problem, the answers so far and the buttons of its stage.</summary>
    public static Reply Card(FlowContext context, Drill drill, bool artefact)
    {
        var title = context.T(FiveWhysStrings.Title, drill.Number);
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(title),
            new TextBlock(context.T(FiveWhysStrings.Problem, Markup.Escape(drill.Problem))),
            new ContextBlock(context.T(FiveWhysStrings.StartedBy, Markup.Mention(drill.StartedBy), PlanningText.When(drill.StartedAt))),
        };
        if (drill.Answers.Count > 0)
        {
            blocks.Add(new TextBlock(string.Join('\n', drill.Answers.Select(a =>
                context.T(FiveWhysStrings.AnswerLine, a.Step, Markup.Escape(a.Text), Markup.Mention(a.UserId))))));
        }

        var id = ActionValue.Join(drill.Id);
        switch (drill.Stage)
        {
            case DrillStage.Asking:
                var next = drill.Answers.Count + 1;
                blocks.Add(new ContextBlock(context.T(FiveWhysStrings.Method)));
                blocks.Add(new TextBlock(context.T(FiveWhysStrings.NextWhy, next, Markup.Escape(context.T(FiveWhysStrings.Hint(next))))));
                var buttons = new List<Button> { new(context.T(FiveWhysStrings.AnswerButton, next), Answer, ActionValue.Join(drill.Id, next), ButtonStyle.Primary) };
                if (drill.Answers.Count > 0)
                {
                    buttons.Add(new Button(context.T(FiveWhysStrings.StopButton), Stop, id));
                }

                blocks.Add(new ActionsBlock(buttons));
                break;
            case DrillStage.WhyUs:
                blocks.Add(new TextBlock(context.T(FiveWhysStrings.WhyUsAsk)));
                blocks.Add(new ActionsBlock(
                [
                    new(context.T(FiveWhysStrings.WhyUsButton), WhyUsAnswer, id, ButtonStyle.Primary),
                    new(context.T(FiveWhysStrings.WhyUsSkipButton), WhyUsSkip, id),
                ]));
                break;
            case DrillStage.PickRoot:
                AddWhyUs(context, drill, blocks);
                blocks.Add(new TextBlock(context.T(FiveWhysStrings.PickAsk)));
                blocks.AddRange(drill.Answers
                    .Select(a => new Button(context.T(FiveWhysStrings.PickButton, a.Step), Pick, ActionValue.Join(drill.Id, a.Step)))
                    .Append(new Button(context.T(FiveWhysStrings.OwnButton), Own, id))
                    .Chunk(ButtonsPerRow)
                    .Select(row => new ActionsBlock(row)));
                break;
            case DrillStage.NeedOrWant:
                AddWhyUs(context, drill, blocks);
                blocks.Add(new TextBlock(RootCauseLine(context, drill)));
                blocks.Add(new TextBlock(context.T(FiveWhysStrings.AskNeedOrWant)));
                blocks.Add(new ContextBlock(context.T(FiveWhysStrings.NeedOrWantGuide)));
                blocks.Add(new ActionsBlock(
                [
                    new(context.T(FiveWhysStrings.NeedButton), SetMotive, ActionValue.Join(drill.Id, Motive.Need), ButtonStyle.Primary),
                    new(context.T(FiveWhysStrings.WantButton), SetMotive, ActionValue.Join(drill.Id, Motive.Want), ButtonStyle.Primary),
                ]));
                break;
            case DrillStage.Offer:
                AddWhyUs(context, drill, blocks);
                blocks.Add(new TextBlock(RootCauseLine(context, drill) + "\n" +
                    context.T(FiveWhysStrings.MotiveLine, context.T(FiveWhysStrings.MotiveName(drill.Motive)))));
                blocks.Add(new TextBlock(context.T(FiveWhysStrings.Offer)));
                blocks.Add(new ActionsBlock(
                [
                    new(context.T(FiveWhysStrings.IntoWhy), Apply, ActionValue.Join(drill.Id, CanvasField.Why), ButtonStyle.Primary),
                    new(context.T(FiveWhysStrings.IntoWhat), Apply, ActionValue.Join(drill.Id, CanvasField.What)),
                    new(context.T(FiveWhysStrings.NoThanks), Skip, id),
                ]));
                break;
            default:
                AddWhyUs(context, drill, blocks);
                var lines = new List<string>
                {
                    RootCauseLine(context, drill),
                    context.T(FiveWhysStrings.MotiveLine, context.T(FiveWhysStrings.MotiveName(drill.Motive))),
                };
                var target = drill.AppliedTo?.Split(':');
                lines.Add(target is { Length: 2 } && Enum.TryParse<CanvasField>(target[1], out var f)
                    ? context.T(FiveWhysStrings.Applied, Markup.Escape(target[0]), Markup.Escape(context.T(CanvasStrings.Name(f))))
                    : context.T(FiveWhysStrings.Closed));
                blocks.Add(new TextBlock(string.Join('\n', lines)));
                break;
        }

        return artefact
            ? new Reply(blocks, title, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey(drill.Id))
            : new Reply(blocks, title);
    }

    private static void AddWhyUs(FlowContext context, Drill drill, List<ReplyBlock> blocks)
    {
        if (drill.WhyUs is not null)
        {
            blocks.Add(new TextBlock(context.T(FiveWhysStrings.WhyUsLine, Markup.Escape(drill.WhyUs), Markup.Mention(drill.WhyUsBy ?? drill.StartedBy))));
        }
    }

    /// <summary>The root cause the team chose, and where it came from: which answer was picked, or who wrote it.</summary>
    private static string RootCauseLine(FlowContext context, Drill drill)
    {
        var line = context.T(FiveWhysStrings.RootCause, Markup.Escape(drill.RootCause));
        var by = Markup.Mention(drill.RootCauseBy ?? drill.StartedBy);
        return drill.RootCauseStep is int step
            ? line + " " + context.T(FiveWhysStrings.PickedFrom, step, by)
            : drill.RootCauseBy is null ? line : line + " " + context.T(FiveWhysStrings.WrittenBy, by);
    }

    private async Task<Reply> ListAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var list = await drills.ListAsync(context.Channel, PlanningText.MaxListed, cancellationToken);
        if (list.Count == 0)
        {
            return Reply.Notice(context.T(FiveWhysStrings.ListEmpty));
        }

        var title = context.T(FiveWhysStrings.ListTitle);
        var lines = list.Select(d => "• " + context.T(
            FiveWhysStrings.ListEntry,
            d.Number,
            Markup.Escape(PlanningText.Clip(d.Problem, ProblemClip)),
            context.T(FiveWhysStrings.StageName(d.Stage, d.Answers.Count)),
            context.T(FiveWhysStrings.StartedBy, Markup.Mention(d.StartedBy), PlanningText.When(d.StartedAt))));
        var blocks = new List<ReplyBlock> { new HeaderBlock(title), new TextBlock(string.Join('\n', lines)) };
        blocks.AddRange(list.Select(d => new Button(context.T(FiveWhysStrings.OpenButton, d.Number), Show, ActionValue.Join(d.Id)))
            .Chunk(ButtonsPerRow).Select(row => new ActionsBlock(row)));
        return new Reply(blocks, title);
    }
}
