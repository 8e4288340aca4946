using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>Rules for text people type into the planning flows (canvas fields, why answers, checklist notes).</summary>
public static class PlanningText
{
    /// <summary>Longest answer or field text accepted, in characters.</summary>
    public const int MaxAnswerLength = 3000;

    /// <summary>Longest canvas name kept, in characters.</summary>
    public const int MaxNameLength = 60;

    /// <summary>How many history entries or list rows a card shows.</summary>
    public const int MaxListed = 20;

    /// <summary>Why a text is refused (empty, over <see cref="MaxAnswerLength"/>), in the turn's language; null when it is fine.</summary>
    public static string? Refusal(FlowContext context, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return context.T(CoreStrings.Empty);
        }

        var length = text.Trim().Length;
        return length > MaxAnswerLength ? context.T(CoreStrings.TooLong, length, MaxAnswerLength) : null;
    }

    /// <summary>The words of a command, split on any kind of space (ideographic included).</summary>
    public static string[] Words(string? text) => (text ?? string.Empty).Split([' ', '\t', '\n', '\r', '\u3000'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A number people give an item of a list (a need, an objective), as typed: <c>3</c> or <c>#3</c>; null when it is none.</summary>
    public static int? ParseNumber(string? word) =>
        int.TryParse(word?.Trim().TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>A long text cut for a one-line view, with an ellipsis.</summary>
    public static string Clip(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)] + "…";
    }

    /// <summary>A time as people read it in a card.</summary>
    public static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
