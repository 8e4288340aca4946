using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Flows;

/// <summary>
/// The 4W1H canvas: five fields per named canvas of a channel, each edited through a form.
/// A form carries the field's version; a save whose version is stale is refused and the editor sees the current text with theirs kept.
/// </summary>
public sealed class CanvasFlow(ICanvasStore store) : IFlow
{
    public const string FlowId = "canvas";
    public const string Edit = "canvas.edit";
    public const string Save = "canvas.save";
    public const string History = "canvas.history";
    public const string Show = "canvas.show";

    /// <summary>Form input ids of the edit form.</summary>
    public const string TextInput = "text";
    public const string MotiveInput = "motive";

    /// <summary>The canvas a channel gets when no product is named.</summary>
    public const string DefaultName = "default";

    private static readonly string[] HistoryWords = ["history", "历史", "记录"];
    private static readonly string[] ListWords = ["list", "列表"];

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = ["canvas", "画布"];

    public Localized Help => CanvasStrings.Help;

    public bool IsLookup(string command, string args)
    {
        var (first, rest) = FirstWord(args);
        return HistoryWords.Contains(first, StringComparer.OrdinalIgnoreCase) || (ListWords.Contains(first, StringComparer.OrdinalIgnoreCase) && rest.Length == 0);
    }

    /// <summary>Artefact key of a canvas's living message.</summary>
    public static string ArtefactKey(string name) => $"canvas:{name}";

    /// <summary>Canvas names are kept trimmed, lower case, single-spaced and at most <see cref="PlanningText.MaxNameLength"/> long.</summary>
    public static string NormalizeName(string? name)
    {
        var words = (name ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', words).ToLowerInvariant();
        joined = joined.Replace(':', '-');
        if (joined.Length > PlanningText.MaxNameLength)
        {
            joined = joined[..PlanningText.MaxNameLength].TrimEnd();
        }

        return joined.Length == 0 ? DefaultName : joined;
    }

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (first, rest) = FirstWord(args);
        if (HistoryWords.Contains(first, StringComparer.OrdinalIgnoreCase))
        {
            return [await HistoryAsync(context, rest.Length == 0 ? null : NormalizeName(rest), cancellationToken)];
        }

        if (ListWords.Contains(first, StringComparer.OrdinalIgnoreCase) && rest.Length == 0)
        {
            return [await ListAsync(context, cancellationToken)];
        }

        var name = NormalizeName(args);
        var existed = await store.FindByNameAsync(context.Channel, name, cancellationToken);
        var canvas = existed ?? await store.GetOrCreateAsync(context.Channel, name, context.Now, cancellationToken);
        // One card per artefact: a new canvas is posted once, as the channel's living card; asking again shows it to the asker only.
        return [existed is null ? Card(context, canvas, artefact: true) : Card(context, canvas, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var parts = ActionValue.SplitIds(action.Value);
        if (parts.Count == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var canvasId))
        {
            return context.Notice(CoreStrings.UnknownAction);
        }

        var canvas = await store.FindAsync(context.Channel, canvasId, cancellationToken);
        if (canvas is null)
        {
            return context.Notice(CoreStrings.NotFound);
        }

        switch (action.ActionId)
        {
            case Show:
                return [Card(context, canvas, artefact: false) with { Visibility = ReplyVisibility.Ephemeral }];
            case History:
                return [await HistoryAsync(context, canvas.Name, cancellationToken)];
            case Edit when parts.Count >= 2 && Enum.TryParse<CanvasField>(parts[1], out var field) && Enum.IsDefined(field):
                var current = canvas[field];
                return [FormReply(context, canvas, field, current.Version, current.Value, current.Motive, error: null)];
            case Save when parts.Count >= 3 && Enum.TryParse<CanvasField>(parts[1], out var field) && Enum.IsDefined(field)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version):
                return await SaveAsync(context, canvas, field, version, action, cancellationToken);
            default:
                return context.Notice(CoreStrings.UnknownAction);
        }
    }

    private async Task<IReadOnlyList<Reply>> SaveAsync(FlowContext context, Canvas canvas, CanvasField field, int version, ActionInput action, CancellationToken cancellationToken)
    {
        var raw = action.Form.GetValueOrDefault(TextInput);
        var motive = field == CanvasField.Why && Enum.TryParse<Motive>(action.Field(MotiveInput), ignoreCase: true, out var m) ? m : canvas[field].Motive;
        var refusal = PlanningText.Refusal(context, raw);
        if (refusal is not null)
        {
            return [FormReply(context, canvas, field, version, raw, motive, refusal)];
        }

        var text = raw!.Trim();
        var result = await store.UpdateFieldAsync(context.Channel, canvas.Id, field, version, text, motive, context.User, context.Now, cancellationToken);
        if (!result.Saved)
        {
            var now = result.Current;
            var who = now.UpdatedBy is null ? "?" : Markup.Mention(now.UpdatedBy);
            var when = now.UpdatedAt is DateTimeOffset at ? PlanningText.When(at) : "?";
            var value = string.IsNullOrEmpty(now.Value) ? context.T(CanvasStrings.EmptyValue) : Markup.Escape(now.Value);
            var error = context.T(CanvasStrings.Conflict, who, when, value);
            return [FormReply(context, canvas, field, now.Version, raw, motive, error)];
        }

        var updated = await store.FindAsync(context.Channel, canvas.Id, cancellationToken) ?? canvas;
        return
        [
            Reply.Notice(context.T(CanvasStrings.Saved, context.T(CanvasStrings.Name(field)), Markup.Escape(canvas.Name))),
            Card(context, updated, artefact: true),
        ];
    }

    /// <summary>The canvas card: as a channel message, or as the channel's living artefact.</summary>
    public static Reply Card(FlowContext context, Canvas canvas, bool artefact)
    {
        var title = context.T(CanvasStrings.Title, canvas.Name);
        var blocks = new List<ReplyBlock> { new HeaderBlock(title), new ContextBlock(context.T(CanvasStrings.Intro)) };
        foreach (var f in canvas.Fields)
        {
            var question = $"**{Markup.Escape(context.T(CanvasStrings.Name(f.Field)))}** — {Markup.Escape(context.T(CanvasStrings.Question(f.Field)))}";
            if (f.Field == CanvasField.Why && f.Motive != Motive.Unclear)
            {
                question += "\n" + context.T(CanvasStrings.NeedOrWant, Markup.Escape(context.T(CanvasStrings.MotiveName(f.Motive))));
            }

            // The value gets a block of its own so a field at the full length limit is never cut by a renderer's per-block limit.
            blocks.Add(new TextBlock(question));
            blocks.Add(new TextBlock(string.IsNullOrWhiteSpace(f.Value) ? context.T(CanvasStrings.EmptyValue) : Markup.Escape(f.Value)));
            var hint = "💡 " + context.T(CanvasStrings.Prompt(f.Field));
            if (f.UpdatedBy is not null && f.UpdatedAt is DateTimeOffset at)
            {
                hint += " · " + context.T(CanvasStrings.LastEdit, Markup.Mention(f.UpdatedBy), PlanningText.When(at));
            }

            blocks.Add(new ContextBlock(hint));
        }

        var buttons = canvas.Fields
            .Select(f => new Button(context.T(CanvasStrings.EditButton, context.T(CanvasStrings.Name(f.Field))), Edit, ActionValue.Join(canvas.Id, f.Field)))
            .Append(new Button(context.T(CanvasStrings.HistoryButton), History, ActionValue.Join(canvas.Id)))
            .ToList();
        blocks.Add(new ActionsBlock(buttons));
        return artefact
            ? new Reply(blocks, title, ReplyVisibility.Channel, ReplyPlacement.Artefact, ArtefactKey(canvas.Name))
            : new Reply(blocks, title);
    }

    /// <summary>The edit form of one field; on a refused save it carries the error and the editor's own text.</summary>
    private static Reply FormReply(FlowContext context, Canvas canvas, CanvasField field, int version, string? text, Motive motive, string? error)
    {
        var name = context.T(CanvasStrings.Name(field));
        var inputs = new List<FormInput>
        {
            new(TextInput, context.T(CanvasStrings.Question(field)), InputKind.Multiline, text, Required: true, MaxLength: PlanningText.MaxAnswerLength,
                Placeholder: context.T(CanvasStrings.Prompt(field))),
        };
        if (field == CanvasField.Why)
        {
            inputs.Add(new FormInput(MotiveInput, context.T(CanvasStrings.MotiveLabel), InputKind.Select, motive.ToString(),
                [.. Enum.GetValues<Motive>().Select(m => new Choice(context.T(CanvasStrings.MotiveName(m)), m.ToString()))]));
        }

        var form = new FormBlock(
            context.T(CanvasStrings.FormTitle, name),
            Save,
            ActionValue.Join(canvas.Id, field, version),
            inputs,
            context.T(CoreStrings.Save),
            error);
        var title = context.T(CanvasStrings.Title, canvas.Name);
        return new Reply([new ContextBlock(Markup.Escape(title) + " · 💡 " + context.T(CanvasStrings.Prompt(field))), form], title, ReplyVisibility.Ephemeral);
    }

    private async Task<Reply> HistoryAsync(FlowContext context, string? name, CancellationToken cancellationToken)
    {
        long? canvasId = null;
        if (name is not null)
        {
            var canvas = await store.FindByNameAsync(context.Channel, name, cancellationToken);
            if (canvas is null)
            {
                return Reply.Notice(context.T(CanvasStrings.HistoryEmpty));
            }

            canvasId = canvas.Id;
        }

        var changes = await store.HistoryAsync(context.Channel, canvasId, PlanningText.MaxListed, cancellationToken);
        var title = name is null ? context.T(CanvasStrings.HistoryTitle) : context.T(CanvasStrings.HistoryTitleOf, name);
        var blocks = new List<ReplyBlock> { new HeaderBlock(title) };
        if (changes.Count == 0)
        {
            blocks.Add(new TextBlock(context.T(CanvasStrings.HistoryEmpty)));
        }

        foreach (var c in changes)
        {
            var field = context.T(CanvasStrings.Name(c.Field));
            if (c.Field == CanvasField.Why && c.OldMotive != c.NewMotive)
            {
                field += " · " + context.T(CanvasStrings.MotiveName(c.NewMotive)).Split(' ')[0];
            }

            blocks.Add(new TextBlock(context.T(
                CanvasStrings.HistoryEntry,
                PlanningText.When(c.At),
                Markup.Mention(c.UserId),
                Markup.Escape(field),
                Markup.Escape(c.CanvasName),
                Shown(context, c.OldValue),
                Shown(context, c.NewValue))));
        }

        return new Reply(blocks, title);
    }

    private async Task<Reply> ListAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var canvases = await store.ListAsync(context.Channel, cancellationToken);
        var title = context.T(CanvasStrings.ListTitle);
        if (canvases.Count == 0)
        {
            return Reply.Notice(context.T(CanvasStrings.ListEmpty));
        }

        var shown = canvases.Take(PlanningText.MaxListed).ToList();
        var lines = shown.Select(c => "• " + context.T(CanvasStrings.ListEntry, Markup.Escape(c.Name), c.Fields.Count(f => !string.IsNullOrWhiteSpace(f.Value))));
        var buttons = shown.Select(c => new Button(context.T(CanvasStrings.OpenButton, c.Name), Show, ActionValue.Join(c.Id))).ToList();
        var blocks = new List<ReplyBlock> { new HeaderBlock(title), new TextBlock(string.Join('\n', lines)) };
        blocks.AddRange(buttons.Chunk(ButtonsPerRow).Select(row => new ActionsBlock(row)));
        return new Reply(blocks, title);
    }

    /// <summary>Buttons per row in lists (keeps every platform's row readable).</summary>
    private const int ButtonsPerRow = 5;

    /// <summary>How much of an old or new value a history line shows.</summary>
    private const int HistoryClip = 200;

    private static string Shown(FlowContext context, string? value) =>
        string.IsNullOrWhiteSpace(value) ? context.T(CanvasStrings.HistoryNothing) : "_" + Markup.Escape(PlanningText.Clip(value, HistoryClip)) + "_";

    private static (string Head, string Tail) FirstWord(string args)
    {
        var t = args.Trim();
        var space = t.IndexOfAny([' ', '\t', '\u3000']);
        return space < 0 ? (t, string.Empty) : (t[..space], t[(space + 1)..].Trim());
    }
}
