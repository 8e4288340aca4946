using System.Text;

namespace GtmBot.Engine;

/// <summary>
/// The one codec of a button's or form's value: several parts joined with <c>|</c>, a backslash escaping <c>|</c> and
/// itself, so a part may hold any text. Flows, edges and renderers read and write values only through it.
/// </summary>
public static class ActionValue
{
    private const char Separator = '|';
    private const char EscapeChar = '\\';

    /// <summary>The separator of values written before this codec (ids only).</summary>
    private const char LegacySeparator = ':';

    /// <summary>Joins parts into one value.</summary>
    public static string Join(params IEnumerable<string> parts)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var part in parts)
        {
            if (!first)
            {
                sb.Append(Separator);
            }

            first = false;
            foreach (var c in part)
            {
                if (c is Separator or EscapeChar)
                {
                    sb.Append(EscapeChar);
                }

                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The parts of a value (an empty list for null or empty).</summary>
    public static IReadOnlyList<string> Split(string? value)
    {
        var parts = new List<string>();
        if (string.IsNullOrEmpty(value))
        {
            return parts;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == EscapeChar && i + 1 < value.Length)
            {
                sb.Append(value[++i]);
            }
            else if (c == Separator)
            {
                parts.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        parts.Add(sb.ToString());
        return parts;
    }

    /// <summary>
    /// The parts of a value whose parts are ids, numbers and names (never a <c>:</c> or <c>|</c> inside a part), reading also the
    /// colon-joined values (<c>12:Why:3</c>) of cards posted before every flow wrote its values through this codec: such a value
    /// has no <c>|</c>, and every value of more than one part written by <see cref="Join"/> has one.
    /// </summary>
    public static IReadOnlyList<string> SplitIds(string? value)
    {
        var parts = Split(value);
        return parts is [var only] && only.Contains(LegacySeparator, StringComparison.Ordinal) ? only.Split(LegacySeparator) : parts;
    }

    /// <summary>Joins ids and numbers (written in the invariant culture) into one value.</summary>
    public static string Join(params IEnumerable<object> parts) =>
        Join(parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));

    /// <summary>Exactly two non-empty parts, e.g. an id and a choice; false otherwise.</summary>
    public static bool TrySplit(string? value, out string first, out string second)
    {
        var parts = Split(value);
        first = parts.Count == 2 ? parts[0] : string.Empty;
        second = parts.Count == 2 ? parts[1] : string.Empty;
        return parts.Count == 2 && first.Length > 0 && second.Length > 0;
    }
}
