using System.Text;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Engine.DataOut;

public sealed class QuoteFilterTests
{
    private static (QuoteFilter? Filter, string? Error) Parse(params (string Name, string Value)[] values) =>
        QuoteFilter.Parse(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)));

    [Theory]
    [InlineData("tag", "frobnicate", "Unknown tag")]
    [InlineData("motive", "maybe", "Unknown motive")]
    [InlineData("from", "yesterday", "not an ISO 8601")]
    [InlineData("to", "2026-02-30", "not an ISO 8601")]
    [InlineData("colour", "red", "Unknown filter 'colour'")]
    public void Bad_values_are_refused_with_the_reason(string name, string value, string reason)
    {
        var (filter, error) = Parse((name, value));
        Assert.Null(filter);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void From_must_be_before_to()
    {
        Assert.Contains("not before", Parse(("from", "2026-03-02"), ("to", "2026-03-01")).Error, StringComparison.Ordinal);
        Assert.NotNull(Parse(("from", "2026-03-01"), ("to", "2026-03-01")).Filter); // a date 'to' runs through that day
    }

    [Fact]
    public void A_date_means_midnight_UTC_and_an_end_date_the_whole_day()
    {
        var f = Parse(("from", "2026-03-01"), ("to", "2026-03-01T18:00:00+08:00")).Filter!;
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), f.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), f.To);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), Parse(("to", "2026-03-01")).Filter!.To);
    }

    [Fact]
    public void Matches_keyword_in_Chinese_person_tag_motive_and_range()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var quote = new QuoteRecord(1, "客户说数据同步太慢了", "Acme", "zh", new QuoteOrigin("U1", "Ana", null, null, null, null, "slash"), at, [QuoteTags.Pain], Motive.Want, []);
        Assert.True(Parse(("q", "同步")).Filter!.Matches(quote));
        Assert.False(Parse(("q", "导出")).Filter!.Matches(quote));
        Assert.True(Parse(("by", "ana")).Filter!.Matches(quote));
        Assert.False(Parse(("by", "U2")).Filter!.Matches(quote));
        Assert.True(Parse(("tag", "pain"), ("motive", "want"), ("customer", "acme")).Filter!.Matches(quote));
        Assert.False(Parse(("tag", "pricing")).Filter!.Matches(quote));
        Assert.True(Parse(("from", "2026-03-01"), ("to", "2026-03-01")).Filter!.Matches(quote));
        Assert.False(Parse(("from", "2026-03-01T09:00:01Z")).Filter!.Matches(quote));
        Assert.False(Parse(("to", "2026-03-01T09:00:00Z")).Filter!.Matches(quote));
    }
}

public sealed class ExportRequestTests
{
    [Theory]
    [InlineData("quotes", ExportKind.Quotes, ExportFormat.Csv)]
    [InlineData("canvas", ExportKind.Canvas, ExportFormat.Md)]
    [InlineData("checklist json", ExportKind.Checklist, ExportFormat.Json)]
    [InlineData("all", ExportKind.All, ExportFormat.Json)]
    [InlineData("主题 md", ExportKind.Themes, ExportFormat.Md)]
    public void Kind_and_format_with_defaults(string args, ExportKind kind, ExportFormat format)
    {
        var (request, error) = ExportRequest.Parse(args);
        Assert.Null(error);
        Assert.Equal(kind, request!.Kind);
        Assert.Equal(format, request.Format);
    }

    [Fact]
    public void Filters_are_name_value_words_and_bare_words_are_keywords()
    {
        var request = ExportRequest.Parse("quotes csv customer=Acme tag=痛点 sync slow").Request!;
        Assert.Equal("Acme", request.Filter.Customer);
        Assert.Equal(QuoteTags.Pain, request.Filter.Tag);
        Assert.Equal("sync slow", request.Filter.Q);
    }

    [Theory]
    [InlineData("", "missing")]
    [InlineData("everything", "not something to export")]
    [InlineData("quotes csv tag=nope", "Unknown tag")]
    public void Bad_requests_say_why(string args, string reason) =>
        Assert.Contains(reason, ExportRequest.Parse(args).Error, StringComparison.Ordinal);
}

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"id":"evt_1","type":"quote.created"}""";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void A_fresh_signature_of_the_body_verifies() =>
        Assert.True(WebhookSignature.Verify(Secret, WebhookSignature.Sign(Secret, Now, Body), Body, _clock));

    [Fact]
    public void Another_secret_or_body_fails()
    {
        Assert.False(WebhookSignature.Verify("whsec_other", WebhookSignature.Sign(Secret, Now, Body), Body, _clock));
        Assert.False(WebhookSignature.Verify(Secret, WebhookSignature.Sign(Secret, Now, Body), Body + " ", _clock));
    }

    [Fact]
    public void An_old_timestamp_is_a_replay()
    {
        var old = WebhookSignature.Sign(Secret, Now - (long)WebhookSignature.Tolerance.TotalSeconds - 1, Body);
        Assert.False(WebhookSignature.Verify(Secret, old, Body, _clock));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=abc")]
    public void Malformed_headers_fail(string? header) => Assert.False(WebhookSignature.Verify(Secret, header, Body, _clock));

    [Theory]
    [InlineData("https://hooks.example.com/x", false, null)]
    [InlineData("http://hooks.example.com/x", true, "not https")]
    [InlineData("http://127.0.0.1:5000/x", true, null)]
    [InlineData("http://127.0.0.1:5000/x", false, "not https")]
    [InlineData("https://user:pw@hooks.example.com/x", false, "not an absolute URL")]
    [InlineData("hooks.example.com", false, "not an absolute URL")]
    public void Webhook_urls_must_be_https_except_loopback_in_development(string url, bool development, string? problem) =>
        Assert.Equal(problem, WebhookSignature.CheckUrl(url, development));
}

public sealed class ExportFormatTests
{
    [Fact]
    public void Csv_is_RFC_4180_in_UTF8_with_a_byte_order_mark_and_formulas_defused()
    {
        var file = ExportBuilder.Csv("x.csv", "x", csv =>
        {
            csv.WriteRecord(["id", "text"]);
            csv.WriteRecord(["1", "他说\"不\"，然后,\n走了"]);
            csv.WriteRecord(["2", "=HYPERLINK(\"http://evil\")"]);
        });
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, file.Content[..3]);
        var text = Encoding.UTF8.GetString(file.Content, 3, file.Content.Length - 3);
        Assert.Equal("id,text\r\n1,\"他说\"\"不\"\"，然后,\n走了\"\r\n2,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n", text);
    }

    [Fact]
    public void Theme_changes_name_added_updated_and_removed_themes()
    {
        ThemeDto T(string key, int mentions, string? moscow = null) => new(key, key, [key], [], mentions, 0, mentions, false, "need", moscow, []);
        var before = new ThemesDto("c", 3, 5, [T("sync", 2), T("price", 2), T("sso", 1)]);
        var after = new ThemesDto("c", 3, 6, [T("sync", 3), T("price", 2, "must"), T("export", 2), T("sso", 1)]);
        var changes = EventingQuoteStore.Diff(before, after);
        Assert.Equal(
            ["updated:sync", "updated:price", "added:export"],
            changes.Select(c => $"{c.Change}:{(c.Theme ?? c.Previous)!.Key}"));
        Assert.Equal(["removed:sso"], EventingQuoteStore.Diff(after, after with { Themes = [.. after.Themes.Where(t => t.Key != "sso")] }).Select(c => $"{c.Change}:{c.Previous!.Key}"));
    }

    [Fact]
    public void Tokens_are_random_and_stored_as_their_hash()
    {
        var a = ApiTokens.NewToken();
        var b = ApiTokens.NewToken();
        Assert.NotEqual(a, b);
        Assert.StartsWith(ApiTokens.Prefix, a, StringComparison.Ordinal);
        Assert.Equal(64, ApiTokens.Hash(a).Length);
        Assert.Equal(ApiTokens.Hash(a), ApiTokens.Hash(a));
        Assert.NotEqual(ApiTokens.Hash(a), ApiTokens.Hash(b));
        Assert.DoesNotContain(a[ApiTokens.Prefix.Length..], ApiTokens.Hash(a), StringComparison.Ordinal);
    }
}
