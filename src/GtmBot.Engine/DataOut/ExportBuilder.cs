using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using GtmBot.Engine.Ports;

namespace GtmBot.Engine.DataOut;

/// <summary>One file of an export, ready to store and deliver.</summary>
public sealed record ExportContent(string FileName, string ContentType, byte[] Content, string Title);

/// <summary>JSON as the API writes it: camelCase, enums as names, Chinese unescaped.</summary>
public static class DataOutJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The same, on one line (webhook bodies).</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}

/// <summary>
/// Writes exports: CSV through CsvHelper (RFC 4180: CRLF line ends, quotes doubled inside quoted fields) in UTF-8 with a
/// byte order mark so Excel opens Chinese correctly; Markdown for canvas and checklist; JSON in the API's shapes.
/// </summary>
public sealed class ExportBuilder(DataOutReader reader)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string MarkdownType = "text/markdown; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>The files of the export (several for <c>all</c> in CSV or Markdown: one per part).</summary>
    public async Task<IReadOnlyList<ExportContent>> BuildAsync(ConversationKey channel, ExportRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"{SafeName(channel.Channel)}-{stamp}";
        switch (request.Kind)
        {
            case ExportKind.Quotes:
                return [Quotes(await reader.QuotesAsync(channel, request.Filter, cancellationToken), request.Format, name)];
            case ExportKind.Themes:
                return [Themes(await reader.ThemesAsync(channel, cancellationToken), request.Format, name)];
            case ExportKind.Canvas:
                return [Canvases(await reader.CanvasesAsync(channel, cancellationToken), request.Format, name)];
            case ExportKind.Checklist:
                return [Checklist(await reader.ChecklistAsync(channel, cancellationToken), request.Format, name)];
        }

        var quotes = await reader.QuotesAsync(channel, request.Filter, cancellationToken);
        var themes = await reader.ThemesAsync(channel, cancellationToken);
        var canvases = await reader.CanvasesAsync(channel, cancellationToken);
        var checklist = await reader.ChecklistAsync(channel, cancellationToken);
        if (request.Format == ExportFormat.Json)
        {
            var all = new ChannelExportDto(channel.Channel, now, quotes, themes, canvases, checklist);
            return [new ExportContent($"gtm-all-{name}.json", JsonType, JsonSerializer.SerializeToUtf8Bytes(all, DataOutJson.Options), "GTM export: all")];
        }

        return
        [
            Quotes(quotes, request.Format, name),
            Themes(themes, request.Format, name),
            Canvases(canvases, request.Format, name),
            Checklist(checklist, request.Format, name),
        ];
    }

    private static ExportContent Quotes(IReadOnlyList<QuoteDto> quotes, ExportFormat format, string name) => format switch
    {
        ExportFormat.Json => Json($"gtm-quotes-{name}.json", quotes, "GTM export: quotes"),
        ExportFormat.Md => Markdown($"gtm-quotes-{name}.md", "GTM export: quotes", sb =>
        {
            sb.AppendLine("# Quotes").AppendLine();
            foreach (var q in quotes)
            {
                sb.Append("> ").AppendLine(q.Body.ReplaceLineEndings("\n> "));
                sb.Append("— ").Append(q.Customer ?? "(no customer)").Append(" · ").Append(string.Join(", ", q.Tags)).Append(" · ").Append(q.Motive)
                    .Append(" · ").Append(q.CapturedBy).Append(" · ").AppendLine(q.CapturedAt.ToString("O", CultureInfo.InvariantCulture)).AppendLine();
            }
        }),
        _ => Csv($"gtm-quotes-{name}.csv", "GTM export: quotes", csv =>
        {
            foreach (var h in new[] { "id", "text", "customer", "tags", "motive", "capturedBy", "capturedByName", "capturedAt", "channel", "source", "permalink", "language" })
            {
                csv.WriteField(h);
            }

            csv.EndRecord();
            foreach (var q in quotes)
            {
                csv.WriteField(q.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(q.Text);
                csv.WriteField(q.Customer);
                csv.WriteField(string.Join(';', q.Tags));
                csv.WriteField(q.Motive);
                csv.WriteField(q.CapturedBy);
                csv.WriteField(q.CapturedByName);
                csv.WriteField(q.CapturedAt.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(q.Channel);
                csv.WriteField(q.Source);
                csv.WriteField(q.Permalink);
                csv.WriteField(q.Language);
                csv.EndRecord();
            }
        }),
    };

    private static ExportContent Themes(ThemesDto themes, ExportFormat format, string name) => format switch
    {
        ExportFormat.Json => Json($"gtm-themes-{name}.json", themes, "GTM export: themes"),
        ExportFormat.Md => Markdown($"gtm-themes-{name}.md", "GTM export: themes", sb =>
        {
            sb.AppendLine("# Themes").AppendLine().Append(CultureInfo.InvariantCulture, $"{themes.Quotes} quotes; common from {themes.CommonThreshold} distinct customers.").AppendLine().AppendLine();
            sb.AppendLine("| theme | customers | mentions | unattributed | common | motive | MoSCoW |").AppendLine("|---|---|---|---|---|---|---|");
            foreach (var t in themes.Themes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {Cell(t.Label)} | {t.DistinctCustomers} ({Cell(string.Join(", ", t.Customers))}) | {t.Mentions} | {t.UnattributedMentions} | {(t.Common ? "common" : "individual")} | {t.Motive} | {t.Moscow ?? "—"} |").AppendLine();
            }
        }),
        _ => Csv($"gtm-themes-{name}.csv", "GTM export: themes", csv =>
        {
            foreach (var h in new[] { "key", "label", "keyPhrases", "customers", "distinctCustomers", "unattributedMentions", "mentions", "common", "motive", "moscow", "quoteIds" })
            {
                csv.WriteField(h);
            }

            csv.EndRecord();
            foreach (var t in themes.Themes)
            {
                csv.WriteField(t.Key);
                csv.WriteField(t.Label);
                csv.WriteField(string.Join(';', t.KeyPhrases));
                csv.WriteField(string.Join(';', t.Customers));
                csv.WriteField(t.DistinctCustomers.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(t.UnattributedMentions.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(t.Mentions.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(t.Common ? "true" : "false");
                csv.WriteField(t.Motive);
                csv.WriteField(t.Moscow);
                csv.WriteField(string.Join(';', t.QuoteIds));
                csv.EndRecord();
            }
        }),
    };

    private static ExportContent Canvases(IReadOnlyList<CanvasDto> canvases, ExportFormat format, string name) => format switch
    {
        ExportFormat.Json => Json($"gtm-canvas-{name}.json", canvases, "GTM export: canvas"),
        ExportFormat.Csv => Csv($"gtm-canvas-{name}.csv", "GTM export: canvas", csv =>
        {
            foreach (var h in new[] { "canvas", "field", "value", "motive", "version", "updatedBy", "updatedAt" })
            {
                csv.WriteField(h);
            }

            csv.EndRecord();
            foreach (var c in canvases)
            {
                foreach (var f in c.Fields)
                {
                    csv.WriteField(c.Name);
                    csv.WriteField(f.Field);
                    csv.WriteField(f.Value);
                    csv.WriteField(f.Motive);
                    csv.WriteField(f.Version.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(f.UpdatedBy);
                    csv.WriteField(f.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture));
                    csv.EndRecord();
                }
            }
        }),
        _ => Markdown($"gtm-canvas-{name}.md", "GTM export: canvas", sb =>
        {
            if (canvases.Count == 0)
            {
                sb.AppendLine("# 4W1H canvas").AppendLine().AppendLine("(no canvas yet)");
            }

            foreach (var c in canvases)
            {
                sb.Append("# 4W1H canvas: ").AppendLine(c.Name).AppendLine();
                foreach (var f in c.Fields)
                {
                    sb.Append("## ").AppendLine(char.ToUpperInvariant(f.Field[0]) + f.Field[1..]).AppendLine(f.Value ?? "_(empty)_");
                    if (f.Value is not null)
                    {
                        sb.Append("_motive: ").Append(f.Motive).Append(", by ").Append(f.UpdatedBy).AppendLine("_");
                    }

                    sb.AppendLine();
                }

                if (c.History.Count > 0)
                {
                    sb.AppendLine("## History").AppendLine();
                    foreach (var h in c.History)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"- {h.At:yyyy-MM-dd HH:mm} {h.UserName ?? h.UserId}: {h.Field} “{Line(h.OldValue)}” → “{Line(h.NewValue)}”").AppendLine();
                    }

                    sb.AppendLine();
                }
            }
        }),
    };

    private static ExportContent Checklist(ChecklistDto? checklist, ExportFormat format, string name) => format switch
    {
        ExportFormat.Json => Json($"gtm-checklist-{name}.json", checklist, "GTM export: checklist"),
        ExportFormat.Csv => Csv($"gtm-checklist-{name}.csv", "GTM export: checklist", csv =>
        {
            foreach (var h in new[] { "step", "title", "status", "owner", "due", "note", "updatedBy", "updatedAt" })
            {
                csv.WriteField(h);
            }

            csv.EndRecord();
            foreach (var i in checklist?.Items ?? [])
            {
                csv.WriteField(i.Step.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(i.Title);
                csv.WriteField(i.Status);
                csv.WriteField(i.Owner);
                csv.WriteField(i.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(i.Note);
                csv.WriteField(i.UpdatedBy);
                csv.WriteField(i.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }),
        _ => Markdown($"gtm-checklist-{name}.md", "GTM export: checklist", sb =>
        {
            sb.AppendLine("# GTM checklist").AppendLine();
            if (checklist is null)
            {
                sb.AppendLine("(no checklist yet)");
                return;
            }

            sb.Append("Life-cycle stage: ").AppendLine(checklist.Stage).AppendLine();
            foreach (var i in checklist.Items)
            {
                var box = i.Status == "done" ? "[x]" : "[ ]";
                sb.Append(CultureInfo.InvariantCulture, $"- {box} {i.Step}. {i.Title} — {i.Status}");
                if (i.Owner is not null)
                {
                    sb.Append(" · owner ").Append(i.Owner);
                }

                if (i.Due is { } due)
                {
                    sb.Append(" · due ").Append(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (i.Note is not null)
                {
                    sb.Append(" · ").Append(Line(i.Note));
                }

                sb.AppendLine();
            }

            if (checklist.History.Count > 0)
            {
                sb.AppendLine().AppendLine("## History").AppendLine();
                foreach (var h in checklist.History)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {h.At:yyyy-MM-dd HH:mm} {h.UserId}: step {h.Step} {h.Property} “{Line(h.OldValue)}” → “{Line(h.NewValue)}”").AppendLine();
                }
            }
        }),
    };

    /// <summary>
    /// CSV in UTF-8 with a byte order mark, CRLF record ends, quotes where needed (RFC 4180). Text that a spreadsheet would run
    /// as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> first) gets a leading apostrophe (OWASP's CSV injection advice).
    /// </summary>
    public static ExportContent Csv(string fileName, string title, Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            write(csv);
        }

        return new ExportContent(fileName, CsvType, stream.ToArray(), title);
    }

    private static ExportContent Markdown(string fileName, string title, Action<StringBuilder> write)
    {
        var sb = new StringBuilder();
        write(sb);
        return new ExportContent(fileName, MarkdownType, Encoding.UTF8.GetBytes(sb.ToString()), title);
    }

    private static ExportContent Json<T>(string fileName, T value, string title) =>
        new(fileName, JsonType, JsonSerializer.SerializeToUtf8Bytes(value, DataOutJson.Options), title);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Line(string? text) => text?.ReplaceLineEndings(" ") ?? string.Empty;

    private static string SafeName(string channel) => new([.. channel.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
