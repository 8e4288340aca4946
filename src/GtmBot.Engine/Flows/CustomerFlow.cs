using System.Globalization;
using GtmBot.Engine.Customers;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine.Flows;

/// <summary>Action ids and form fields of the customer flow.</summary>
public static class CustomerActions
{
    /// <summary>The profile form was submitted (fields <see cref="Name"/>, <see cref="Segment"/>, <see cref="Industry"/>, <see cref="Arr"/>, <see cref="Renewal"/>).</summary>
    public const string Submit = "customer.submit";

    /// <summary>Open the form for the customer named in the value.</summary>
    public const string Edit = "customer.edit";

    public const string Name = "name";
    public const string Segment = "segment";
    public const string Industry = "industry";
    public const string Arr = "arr";
    public const string Renewal = "renewal";
}

/// <summary>
/// Customer profiles of a workspace: <c>/gtm customer Acme segment enterprise industry manufacturing arr 120000 renewal 2027-03-31</c>
/// (any subset of the fields, keys in English or Chinese; the other fields are kept), <c>/gtm customer Acme</c> (the profile
/// with its quotes and themes in the channel), <c>/gtm customers [segment]</c>, and a form for the same.
/// </summary>
public sealed class CustomerFlow(ICustomerStore customers, IQuoteStore quotes, ILogger<CustomerFlow> logger) : IFlow
{
    public const string FlowId = "customer";

    /// <summary>Longest customer name (the names quotes carry; the store's column).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest segment or industry label (the store's column).</summary>
    public const int MaxLabelLength = 64;

    /// <summary>Largest ARR accepted: the store keeps 18 digits with 2 decimals.</summary>
    public const decimal MaxArr = 1_000_000_000_000m;

    /// <summary>Customers listed in one reply.</summary>
    public const int MaxListed = 50;

    /// <summary>Themes looked at when counting a customer's distinct themes.</summary>
    public const int MaxThemesCounted = 100;

    /// <summary>The value that clears a field.</summary>
    public const string Clear = "-";

    private static readonly string[] ShowWords = ["customer", "客户"];
    private static readonly string[] ListWords = ["customers", "客户列表"];

    /// <summary>Field keys as typed (any case), English and Chinese, to the form field they set.</summary>
    private static readonly Dictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["segment"] = CustomerActions.Segment,
        ["细分"] = CustomerActions.Segment,
        ["分群"] = CustomerActions.Segment,
        ["industry"] = CustomerActions.Industry,
        ["行业"] = CustomerActions.Industry,
        ["arr"] = CustomerActions.Arr,
        ["年收入"] = CustomerActions.Arr,
        ["renewal"] = CustomerActions.Renewal,
        ["续约"] = CustomerActions.Renewal,
    };

    private static readonly string KeyList = "segment/细分 · industry/行业 · arr/年收入 · renewal/续约";

    public string Id => FlowId;

    public IReadOnlyList<string> Commands { get; } = [.. ShowWords, .. ListWords];

    public Localized Help => CustomerStrings.Help;

    public bool IsLookup(string command, string args) =>
        ListWords.Contains(command, StringComparer.OrdinalIgnoreCase) || (args.Length > 0 && !Tokenize(args).Any(t => Keys.ContainsKey(t) || IsKeyValue(t)));

    public Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var word = context.Turn.Input is CommandInput command ? ConversationEngine.SplitCommand(command.Text).Command : ShowWords[0];
        if (ListWords.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            return ListAsync(context, args.Trim(), cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(args))
        {
            return Task.FromResult<IReadOnlyList<Reply>>([Form(context, new Dictionary<string, string?>(), null, [])]);
        }

        return SetOrShowAsync(context, args, cancellationToken);
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        switch (action.ActionId)
        {
            case CustomerActions.Submit:
                return await SubmitAsync(context, action, cancellationToken);
            case CustomerActions.Edit when !string.IsNullOrWhiteSpace(action.Value):
                var profile = await customers.GetAsync(context.Channel.WorkspaceKey, action.Value, cancellationToken);
                var values = profile is null ? new Dictionary<string, string?> { [CustomerActions.Name] = action.Value } : Values(profile);
                return [Form(context, values, null, await SegmentLabelsAsync(context, cancellationToken))];
            default:
                return context.Notice(CoreStrings.UnknownAction);
        }
    }

    /// <summary>What a command or the form asks to change: the customer and the fields given (null value = clear).</summary>
    internal sealed record ProfileEdit(string Name, IReadOnlyDictionary<string, string?> Fields);

    /// <summary>Reads <c>Acme Bank segment enterprise arr 120000</c>: the name runs up to the first field key; each key takes one value (quoted for several words).</summary>
    internal static (ProfileEdit? Edit, Localized? Error, object?[] Args) Parse(string args)
    {
        var tokens = Tokenize(args);
        var first = tokens.FindIndex(t => Keys.ContainsKey(t) || IsKeyValue(t));
        var nameTokens = first < 0 ? tokens : tokens[..first];
        var name = string.Join(' ', nameTokens).Trim();
        if (name.Length == 0)
        {
            return (null, CustomerStrings.NameMissing, []);
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = first < 0 ? tokens.Count : first; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string key;
            string? value;
            var eq = token.IndexOfAny(['=', ':', '：']);
            if (eq > 0 && !Keys.ContainsKey(token))
            {
                key = token[..eq];
                value = token[(eq + 1)..];
                if (value.Length == 0)
                {
                    value = i + 1 < tokens.Count ? tokens[++i] : null;
                }
            }
            else
            {
                key = token;
                value = i + 1 < tokens.Count && !Keys.ContainsKey(tokens[i + 1]) ? tokens[++i] : null;
            }

            if (!Keys.TryGetValue(key, out var field))
            {
                return (null, CustomerStrings.UnknownField, [Markup.Escape(key), KeyList]);
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, CustomerStrings.MissingValue, [Markup.Escape(key)]);
            }

            fields[field] = value == Clear ? null : value;
        }

        return (new ProfileEdit(name, fields), null, []);
    }

    private static bool IsKeyValue(string token)
    {
        var eq = token.IndexOfAny(['=', ':', '：']);
        return eq > 0 && Keys.ContainsKey(token[..eq]);
    }

    /// <summary>Words, with "double quoted" or “curly quoted” runs kept as one.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] is '"' or '“')
            {
                var close = text.IndexOfAny(['"', '”'], i + 1);
                var end = close < 0 ? text.Length : close;
                tokens.Add(text[(i + 1)..end].Trim());
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private async Task<IReadOnlyList<Reply>> SetOrShowAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (edit, error, errorArgs) = Parse(args);
        if (edit is null)
        {
            return context.Notice(error!, errorArgs);
        }

        if (edit.Fields.Count == 0)
        {
            return await ShowAsync(context, edit.Name, ReplyPlacement.NewMessage, cancellationToken);
        }

        var existing = await customers.GetAsync(context.Channel.WorkspaceKey, edit.Name, cancellationToken);
        var (profile, problem, problemArgs) = Apply(context, existing, edit);
        if (profile is null)
        {
            return context.Notice(problem!, problemArgs);
        }

        await SaveAsync(context, profile, cancellationToken);
        return await ShowAsync(context, profile.Name, ReplyPlacement.NewMessage, cancellationToken, CustomerStrings.Saved);
    }

    private async Task<IReadOnlyList<Reply>> SubmitAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        var typed = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CustomerActions.Name] = action.Field(CustomerActions.Name),
            [CustomerActions.Segment] = action.Field(CustomerActions.Segment),
            [CustomerActions.Industry] = action.Field(CustomerActions.Industry),
            [CustomerActions.Arr] = action.Field(CustomerActions.Arr),
            [CustomerActions.Renewal] = action.Field(CustomerActions.Renewal),
        };
        var name = typed[CustomerActions.Name];
        if (name is null)
        {
            return [Form(context, typed, context.T(CustomerStrings.NameMissing), await SegmentLabelsAsync(context, cancellationToken))];
        }

        // The form shows every field: an empty one clears it.
        var edit = new ProfileEdit(name, typed.Where(f => f.Key != CustomerActions.Name).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
        var existing = await customers.GetAsync(context.Channel.WorkspaceKey, name, cancellationToken);
        var (profile, problem, problemArgs) = Apply(context, existing, edit);
        if (profile is null)
        {
            return [Form(context, typed, context.T(problem!, problemArgs), await SegmentLabelsAsync(context, cancellationToken))];
        }

        await SaveAsync(context, profile, cancellationToken);
        return await ShowAsync(context, profile.Name, ReplyPlacement.NewMessage, cancellationToken, CustomerStrings.Saved);
    }

    private async Task SaveAsync(FlowContext context, CustomerProfile profile, CancellationToken cancellationToken)
    {
        await customers.UpsertAsync(context.Channel.WorkspaceKey, profile, cancellationToken);
        Log.ProfileSaved(logger, context.Channel.WorkspaceKey, profile.Segment is not null, profile.Arr is not null, profile.Renewal is not null);
    }

    /// <summary>The profile after the edit (fields not named are kept), or the first problem with the input.</summary>
    internal static (CustomerProfile? Profile, Localized? Error, object?[] Args) Apply(FlowContext context, CustomerProfile? existing, ProfileEdit edit)
    {
        var name = edit.Name.Trim();
        if (name.Length > MaxNameLength)
        {
            return (null, CustomerStrings.NameTooLong, [name.Length, MaxNameLength]);
        }

        var segment = existing?.Segment;
        var industry = existing?.Industry;
        var arr = existing?.Arr;
        var renewal = existing?.Renewal;
        foreach (var (field, raw) in edit.Fields)
        {
            var value = raw?.Trim();
            switch (field)
            {
                case CustomerActions.Segment or CustomerActions.Industry when value is not null && value.Length > MaxLabelLength:
                    var what = context.T(field == CustomerActions.Segment ? CustomerStrings.FieldSegment : CustomerStrings.FieldIndustry);
                    return (null, CustomerStrings.LabelTooLong, [what, Markup.Escape(value[..MaxLabelLength] + "…"), value.Length, MaxLabelLength]);
                case CustomerActions.Segment:
                    segment = string.IsNullOrEmpty(value) ? null : value;
                    break;
                case CustomerActions.Industry:
                    industry = string.IsNullOrEmpty(value) ? null : value;
                    break;
                case CustomerActions.Arr when string.IsNullOrEmpty(value):
                    arr = null;
                    break;
                case CustomerActions.Arr:
                    var digits = value.Replace(",", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
                    if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                    {
                        return (null, CustomerStrings.ArrNotNumber, [Markup.Escape(value)]);
                    }

                    if (amount < 0)
                    {
                        return (null, CustomerStrings.ArrNegative, [Markup.Escape(value)]);
                    }

                    if (amount > MaxArr)
                    {
                        return (null, CustomerStrings.ArrTooLarge, [Markup.Escape(value), MaxArr.ToString("N0", CultureInfo.InvariantCulture)]);
                    }

                    arr = decimal.Round(amount, 2);
                    break;
                case CustomerActions.Renewal when string.IsNullOrEmpty(value):
                    renewal = null;
                    break;
                case CustomerActions.Renewal:
                    var date = Dates.HumanDate.Parse(value, context.Today);
                    if (date is null)
                    {
                        return (null, CustomerStrings.BadDate, [Markup.Escape(value)]);
                    }

                    renewal = date;
                    break;
            }
        }

        return (new CustomerProfile(existing?.Name ?? name, segment, industry, arr, renewal, context.User.Id, context.Now), null, []);
    }

    private async Task<IReadOnlyList<Reply>> ShowAsync(FlowContext context, string name, ReplyPlacement placement, CancellationToken cancellationToken, Localized? intro = null)
    {
        var profile = await customers.GetAsync(context.Channel.WorkspaceKey, name, cancellationToken);
        if (profile is null)
        {
            return context.Notice(CustomerStrings.NoProfile, Markup.Escape(name.Trim()), KeyList);
        }

        var (quoteCount, themeCount) = await EvidenceAsync(context, profile.Name, cancellationToken);
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(context.T(CustomerStrings.Title, profile.Name)),
            new FieldsBlock(
            [
                new(context.T(CustomerStrings.FieldSegment), profile.Segment is null ? context.T(CustomerStrings.Unset) : Markup.Escape(profile.Segment)),
                new(context.T(CustomerStrings.FieldIndustry), profile.Industry is null ? context.T(CustomerStrings.Unset) : Markup.Escape(profile.Industry)),
                new(context.T(CustomerStrings.FieldArr), profile.Arr is { } arr ? arr.ToString("N0", CultureInfo.InvariantCulture) : context.T(CustomerStrings.Unset)),
                new(context.T(CustomerStrings.FieldRenewal), profile.Renewal is { } r ? r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : context.T(CustomerStrings.Unset)),
                new(context.T(CustomerStrings.FieldUpdated), Markup.Mention(profile.UpdatedBy)),
            ]),
            new ContextBlock(context.T(CustomerStrings.Evidence, quoteCount, themeCount)),
            new ActionsBlock([new Button(context.T(CustomerStrings.EditButton), CustomerActions.Edit, profile.Name.Length <= MaxNameLength ? profile.Name : null)]),
        };
        if (intro is not null)
        {
            blocks.Insert(1, new ContextBlock(context.T(intro, Markup.Escape(profile.Name))));
        }

        return [new Reply(blocks, context.T(CustomerStrings.Title, profile.Name), ReplyVisibility.Channel, placement)];
    }

    /// <summary>The channel's distinct quotes of the customer and the distinct themes they fall in.</summary>
    private async Task<(int Quotes, int Themes)> EvidenceAsync(FlowContext context, string name, CancellationToken cancellationToken)
    {
        var all = await quotes.ListAsync(context.Channel, null, QuoteFlow.MaxScanned, cancellationToken);
        var key = ThemeEngine.NormalizeCustomer(name);
        if (!all.Any(q => q.Customer is not null && ThemeEngine.NormalizeCustomer(q.Customer) == key))
        {
            return (0, 0);
        }

        var insights = QuoteInsights.Compute(all, QuoteFlow.DefaultCommonThreshold, MaxThemesCounted);
        var themes = insights.Themes.Count(t => t.Quotes.Any(q => q.Customer is not null && ThemeEngine.NormalizeCustomer(q.Customer) == key));
        var mine = all.Where(q => q.Customer is not null && ThemeEngine.NormalizeCustomer(q.Customer) == key)
            .Select(q => ThemeEngine.NormalizeCustomer(q.Text)).Distinct(StringComparer.Ordinal).Count();
        return (mine, themes);
    }

    private async Task<IReadOnlyList<Reply>> ListAsync(FlowContext context, string segmentArg, CancellationToken cancellationToken)
    {
        var profiles = await customers.ListAsync(context.Channel.WorkspaceKey, cancellationToken);
        if (profiles.Count == 0)
        {
            return context.Notice(CustomerStrings.ListNone);
        }

        var segments = CustomerSegments.From(profiles, []);
        var known = segments.Segments.Count == 0 ? context.T(CustomerStrings.NoSegmentsYet) : string.Join(", ", segments.Segments.Select(s => Markup.Escape(s.Label!)));
        IReadOnlyList<CustomerProfile> shown = profiles;
        string title;
        if (segmentArg.Length > 0)
        {
            var segment = segments.Find(segmentArg);
            if (segment is null)
            {
                return context.Notice(CustomerStrings.ListNoneInSegment, Markup.Escape(segmentArg), known);
            }

            shown = [.. profiles.Where(p => p.Segment is not null && CustomerSegments.Key(p.Segment) == segment.Key)];
            title = context.T(CustomerStrings.ListTitleSegment, segment.Label, shown.Count);
        }
        else
        {
            title = context.T(CustomerStrings.ListTitle, profiles.Count);
        }

        var lines = shown.Take(MaxListed).Select(p =>
        {
            var parts = new List<string> { "**" + Markup.Escape(p.Name) + "**" };
            parts.Add(p.Segment is null ? context.T(CustomerStrings.NoSegment) : Markup.Escape(p.Segment));
            if (p.Industry is not null)
            {
                parts.Add(Markup.Escape(p.Industry));
            }

            if (p.Arr is { } arr)
            {
                parts.Add(context.T(CustomerStrings.FieldArr) + " " + arr.ToString("N0", CultureInfo.InvariantCulture));
            }

            if (p.Renewal is { } r)
            {
                parts.Add(context.T(CustomerStrings.FieldRenewal) + " " + r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            return "• " + string.Join(" · ", parts);
        }).ToList();
        if (shown.Count > MaxListed)
        {
            lines.Add(context.T(CustomerStrings.ListMore, shown.Count - MaxListed));
        }

        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock(title),
            new TextBlock(string.Join('\n', lines)),
            new ContextBlock(context.T(CustomerStrings.Segments, string.Join(" · ", segments.Segments.Select(s => $"{Markup.Escape(s.Label!)} {s.Size}").DefaultIfEmpty(context.T(CustomerStrings.NoSegmentsYet))))),
        };
        return [new Reply(blocks, title, ReplyVisibility.Channel)];
    }

    private async Task<IReadOnlyList<string>> SegmentLabelsAsync(FlowContext context, CancellationToken cancellationToken) =>
        [.. CustomerSegments.From(await customers.ListAsync(context.Channel.WorkspaceKey, cancellationToken), []).Segments.Select(s => s.Label!)];

    private static Dictionary<string, string?> Values(CustomerProfile p) => new(StringComparer.Ordinal)
    {
        [CustomerActions.Name] = p.Name,
        [CustomerActions.Segment] = p.Segment,
        [CustomerActions.Industry] = p.Industry,
        [CustomerActions.Arr] = p.Arr?.ToString("0.##", CultureInfo.InvariantCulture),
        [CustomerActions.Renewal] = p.Renewal?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The profile form, holding what was typed (or the profile's values) and the last error.</summary>
    private static Reply Form(FlowContext context, IReadOnlyDictionary<string, string?> values, string? error, IReadOnlyList<string> knownSegments)
    {
        var segmentHint = knownSegments.Count == 0
            ? context.T(CustomerStrings.FormSegmentHint)
            : context.T(CustomerStrings.FormSegmentKnown, string.Join(", ", knownSegments.Take(10)));
        var form = new FormBlock(
            context.T(CustomerStrings.FormTitle),
            CustomerActions.Submit,
            null,
            [
                new FormInput(CustomerActions.Name, context.T(CustomerStrings.FieldName), InputKind.Text, values.GetValueOrDefault(CustomerActions.Name), Required: true, MaxLength: MaxNameLength, Placeholder: context.T(CustomerStrings.FormNameHint)),
                new FormInput(CustomerActions.Segment, context.T(CustomerStrings.FieldSegment), InputKind.Text, values.GetValueOrDefault(CustomerActions.Segment), Placeholder: segmentHint),
                new FormInput(CustomerActions.Industry, context.T(CustomerStrings.FieldIndustry), InputKind.Text, values.GetValueOrDefault(CustomerActions.Industry)),
                new FormInput(CustomerActions.Arr, context.T(CustomerStrings.FieldArr), InputKind.Text, values.GetValueOrDefault(CustomerActions.Arr), Placeholder: context.T(CustomerStrings.FormArrHint)),
                new FormInput(CustomerActions.Renewal, context.T(CustomerStrings.FieldRenewal), InputKind.Date, values.GetValueOrDefault(CustomerActions.Renewal)),
            ],
            context.T(CustomerStrings.FormSubmit),
            error);
        return new Reply([form], error ?? context.T(CustomerStrings.FormTitle), ReplyVisibility.Ephemeral);
    }
}
