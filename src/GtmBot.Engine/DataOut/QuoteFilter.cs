using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.DataOut;

/// <summary>
/// The filters of <c>GET /api/v1/quotes</c> and of <c>/gtm export quotes</c>: keyword (<c>q</c>; Chinese substrings match
/// inside sentences, as in <c>/gtm quotes</c>), customer, who captured it (<c>by</c>), tag, motive, channel, and a time range
/// (<c>from</c> inclusive, <c>to</c> exclusive; a date without a time means the whole day).
/// </summary>
public sealed record QuoteFilter(
    string? Q = null,
    string? Customer = null,
    string? By = null,
    string? Tag = null,
    Motive? Motive = null,
    string? Channel = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    /// <summary>The filter names, as query parameters and as <c>name=value</c> words of the export command.</summary>
    public static readonly IReadOnlyList<string> Names = ["q", "customer", "by", "tag", "motive", "channel", "from", "to"];

    /// <summary>Longest filter value accepted.</summary>
    public const int MaxValueLength = 200;

    public bool IsEmpty => this == new QuoteFilter();

    /// <summary>The words of <see cref="Q"/>, all of which must occur.</summary>
    public IReadOnlyList<string> Keywords() => Q?.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Reads the filters from name/value pairs; the error names the filter and why it was refused.</summary>
    public static (QuoteFilter? Filter, string? Error) Parse(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var f = new QuoteFilter();
        foreach (var (rawName, rawValue) in values)
        {
            var name = rawName.Trim().ToLowerInvariant();
            var value = rawValue?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (value.Length > MaxValueLength)
            {
                return (null, $"'{name}' is longer than {MaxValueLength} characters.");
            }

            switch (name)
            {
                case "q":
                    f = f with { Q = f.Q is null ? value : f.Q + " " + value };
                    break;
                case "customer":
                    f = f with { Customer = value };
                    break;
                case "by":
                    f = f with { By = value };
                    break;
                case "channel":
                    f = f with { Channel = value };
                    break;
                case "tag":
                    if (QuoteStrings.ParseTag(value) is not { } tag)
                    {
                        return (null, $"Unknown tag '{value}'; known tags: {string.Join(", ", QuoteTags.All)}.");
                    }

                    f = f with { Tag = tag };
                    break;
                case "motive":
                    if (!MotiveNames.TryParse(value, out var motive))
                    {
                        return (null, $"Unknown motive '{value}'; use need, want or unclear.");
                    }

                    f = f with { Motive = motive };
                    break;
                case "from":
                    if (ParseTime(value, endOfDay: false) is not { } from)
                    {
                        return (null, $"'from' is not an ISO 8601 date or instant: '{value}' (e.g. 2026-03-01 or 2026-03-01T08:00:00Z).");
                    }

                    f = f with { From = from };
                    break;
                case "to":
                    if (ParseTime(value, endOfDay: true) is not { } to)
                    {
                        return (null, $"'to' is not an ISO 8601 date or instant: '{value}' (e.g. 2026-03-31 or 2026-03-31T18:00:00Z).");
                    }

                    f = f with { To = to };
                    break;
                default:
                    return (null, $"Unknown filter '{name}'; filters: {string.Join(", ", Names)}.");
            }
        }

        if (f.From is { } a && f.To is { } b && a >= b)
        {
            return (null, $"'from' ({a:O}) is not before 'to' ({b:O}).");
        }

        return (f, null);
    }

    /// <summary>An ISO 8601 instant (with offset or Z), or a date (UTC midnight; for an end, the next midnight).</summary>
    public static DateTimeOffset? ParseTime(string value, bool endOfDay)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        return DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    /// <summary>True when the quote passes every filter (the channel filter is applied by the store's query).</summary>
    public bool Matches(QuoteRecord quote)
    {
        if (!new QuoteQuery(Tag, Customer, Keywords()).Matches(quote))
        {
            return false;
        }

        if (By is not null
            && !string.Equals(quote.Origin.CapturedBy, By, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(quote.Origin.CapturedByName, By, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return (Motive is null || quote.Motive == Motive)
            && (From is null || quote.CapturedAt >= From)
            && (To is null || quote.CapturedAt < To);
    }

    /// <summary>The filter as <c>name=value</c> words (the export command's syntax).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={value}");
            }
        }

        Add("q", Q);
        Add("customer", Customer);
        Add("by", By);
        Add("tag", Tag);
        Add("motive", Motive is { } m ? MotiveNames.Name(m) : null);
        Add("channel", Channel);
        Add("from", From?.ToString("O", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("O", CultureInfo.InvariantCulture));
        return string.Join(' ', parts);
    }
}
