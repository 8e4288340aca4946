using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using GtmBot.Engine.Tagging;

namespace GtmBot.Training;

/// <summary>One labelled quote of the corpus (the dev set's record; extra fields such as industry are kept as written).</summary>
public sealed record LabelledQuote(string Id, string Text, IReadOnlyList<string> Tags, Motive Motive, string Lang, string Line);

/// <summary>
/// The training corpus: reading and validating labelled JSON lines, and the frozen split — a record is in the test split
/// iff the first byte of SHA-256(UTF-8 id) mod 5 is 0. The rule depends on the id only, so anyone assembling the same
/// records gets the same split.
/// </summary>
public static class Corpus
{
    /// <summary>Fewest words a quote may have (a Latin word, or 1.5 Chinese characters).</summary>
    public const int MinWords = 3;

    /// <summary>Most words a quote may have.</summary>
    public const int MaxWords = 120;

    /// <summary>Average characters of a Chinese word, to count Chinese text in words.</summary>
    private const double CharsPerChineseWord = 1.5;

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>True when the id belongs to the frozen test split.</summary>
    public static bool IsTest(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] % 5 == 0;

    /// <summary>The cross-validation fold of a training record (a different byte of the hash than the split uses).</summary>
    public static int Fold(string id, int folds) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[1] % folds;

    /// <summary>Reads a labelled JSON-lines file; a bad record throws, naming the file and line (or is reported and skipped).</summary>
    public static List<LabelledQuote> Read(string path, bool skipInvalid = false, TextWriter? log = null)
    {
        var records = new List<LabelledQuote>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (record, problem) = Parse(line);
            if (record is null)
            {
                if (!skipInvalid)
                {
                    throw new InvalidDataException($"{path}:{number}: {problem}");
                }

                log?.WriteLine($"{path}:{number}: skipped, {problem}");
                continue;
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>Parses and validates one record: taxonomy tags in order, a motive, a language, 3–120 words.</summary>
    public static (LabelledQuote? Record, string Problem) Parse(string line)
    {
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, "not JSON: " + e.Message);
        }

        if (obj is null)
        {
            return (null, "not a JSON object");
        }

        if (obj["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || string.IsNullOrWhiteSpace(id))
        {
            return (null, "no string id");
        }

        if (obj["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
        {
            return (null, $"{id}: no string text");
        }

        if (obj["tags"] is not JsonArray tagArray)
        {
            return (null, $"{id}: no tags array");
        }

        var tags = new List<string>();
        foreach (var node in tagArray)
        {
            if (node is not JsonValue v || !v.TryGetValue<string>(out var tag) || !QuoteTags.All.Contains(tag))
            {
                return (null, $"{id}: unknown tag {node?.ToJsonString()}");
            }

            tags.Add(tag);
        }

        if (!tags.SequenceEqual(QuoteTags.All.Where(tags.Contains)))
        {
            return (null, $"{id}: tags not in taxonomy order or repeated");
        }

        var motiveName = obj["motive"] is JsonValue mv && mv.TryGetValue<string>(out var m) ? m : null;
        if (!Engine.Ports.MotiveNames.TryParse(motiveName, out var motive) || motiveName != motiveName!.Trim().ToLowerInvariant())
        {
            return (null, $"{id}: motive must be need, want or unclear");
        }

        var lang = obj["lang"] is JsonValue lv && lv.TryGetValue<string>(out var l) ? l : null;
        if (lang is not ("en" or "zh" or "mixed"))
        {
            return (null, $"{id}: lang must be en, zh or mixed");
        }

        var words = Words(text);
        if (words is < MinWords or > MaxWords)
        {
            return (null, $"{id}: {words} words, outside {MinWords}–{MaxWords}");
        }

        return (new LabelledQuote(id, text, tags, motive, lang, obj.ToJsonString(Output)), string.Empty);
    }

    /// <summary>Words of a quote without its markup: Latin words plus Chinese characters at 1.5 characters a word, rounded.</summary>
    public static int Words(string text)
    {
        var plain = QuoteMarkup.Strip(text);
        int latin = 0, cjk = 0;
        var inWord = false;
        foreach (var c in plain)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF')
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    latin++;
                }

                inWord = true;
            }
            else
            {
                inWord = c is '\'' or '-' && inWord;
            }
        }

        return latin + (int)Math.Round(cjk / CharsPerChineseWord, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Assembles every <c>*.jsonl</c> in <paramref name="partsDir"/> into <c>train.jsonl</c> and <c>test.jsonl</c> under
    /// <paramref name="outDir"/>, records sorted by id (ordinal) so the output does not depend on file names or order.
    /// Invalid records and duplicate ids are reported on <paramref name="log"/> and left out; returns how many.
    /// </summary>
    public static int Assemble(string partsDir, string outDir, TextWriter log)
    {
        var files = Directory.GetFiles(partsDir, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        var byId = new Dictionary<string, LabelledQuote>(StringComparer.Ordinal);
        var rejected = 0;
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var (record, problem) = Parse(line);
                if (record is null)
                {
                    rejected++;
                    log.WriteLine($"{Path.GetFileName(file)}:{number}: rejected, {problem}");
                    continue;
                }

                if (!byId.TryAdd(record.Id, record))
                {
                    rejected++;
                    log.WriteLine($"{Path.GetFileName(file)}:{number}: rejected, duplicate id {record.Id}");
                }
            }
        }

        Directory.CreateDirectory(outDir);
        var ordered = byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var test = ordered.Where(r => IsTest(r.Id)).ToList();
        var train = ordered.Where(r => !IsTest(r.Id)).ToList();
        Write(Path.Combine(outDir, "train.jsonl"), train);
        Write(Path.Combine(outDir, "test.jsonl"), test);
        log.WriteLine($"{files.Count} files, {ordered.Count} records: train {train.Count}, test {test.Count}, rejected {rejected}");
        foreach (var lang in new[] { "en", "zh", "mixed" })
        {
            log.WriteLine($"  {lang}: {ordered.Count(r => r.Lang == lang)}");
        }

        return rejected;
    }

    private static void Write(string path, List<LabelledQuote> records)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var r in records)
        {
            writer.WriteLine(r.Line);
        }
    }
}
