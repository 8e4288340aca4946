namespace GtmBot.Engine.DataOut;

/// <summary>What an export contains.</summary>
public enum ExportKind
{
    Quotes,
    Themes,
    Canvas,
    Checklist,
    All,
}

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180, UTF-8 with a byte order mark so Excel reads Chinese correctly.</summary>
    Csv,
    /// <summary>Markdown.</summary>
    Md,
    /// <summary>JSON in the API's shapes.</summary>
    Json,
}

/// <summary>An export: what, in which format, with the quote filters of the API.</summary>
public sealed record ExportRequest(ExportKind Kind, ExportFormat Format, QuoteFilter Filter)
{
    /// <summary>Reads <c>quotes|themes|canvas|checklist|all [csv|md|json] [name=value …] [keyword …]</c>.</summary>
    public static (ExportRequest? Request, string? Error) Parse(string args)
    {
        var words = args.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0 || !TryKind(words[0], out var kind))
        {
            return (null, words.Count == 0 ? "missing what to export" : $"'{words[0]}' is not something to export");
        }

        words.RemoveAt(0);
        ExportFormat? format = null;
        if (words.Count > 0 && TryFormat(words[0], out var f))
        {
            format = f;
            words.RemoveAt(0);
        }

        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var word in words)
        {
            var eq = word.IndexOfAny(['=', '＝']);
            pairs.Add(eq > 0 ? new(word[..eq], word[(eq + 1)..]) : new("q", word));
        }

        var (filter, error) = QuoteFilter.Parse(pairs);
        if (filter is null)
        {
            return (null, error);
        }

        return (new ExportRequest(kind, format ?? DefaultFormat(kind), filter), null);
    }

    public static ExportFormat DefaultFormat(ExportKind kind) => kind switch
    {
        ExportKind.Quotes or ExportKind.Themes => ExportFormat.Csv,
        ExportKind.Canvas or ExportKind.Checklist => ExportFormat.Md,
        _ => ExportFormat.Json,
    };

    public static bool TryKind(string word, out ExportKind kind)
    {
        kind = word.ToLowerInvariant() switch
        {
            "quotes" or "quote" or "原话" or "引用" => ExportKind.Quotes,
            "themes" or "theme" or "insights" or "主题" or "洞察" => ExportKind.Themes,
            "canvas" or "画布" => ExportKind.Canvas,
            "checklist" or "清单" => ExportKind.Checklist,
            "all" or "全部" => ExportKind.All,
            _ => (ExportKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static bool TryFormat(string word, out ExportFormat format)
    {
        format = word.ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "md" or "markdown" => ExportFormat.Md,
            "json" => ExportFormat.Json,
            _ => (ExportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>The request as the command words that make it (stored with a schedule, shown by <c>list</c>).</summary>
    public string Describe()
    {
        var filter = Filter.Describe();
        return $"{Kind.ToString().ToLowerInvariant()} {Format.ToString().ToLowerInvariant()}{(filter.Length > 0 ? " " + filter : string.Empty)}";
    }
}
