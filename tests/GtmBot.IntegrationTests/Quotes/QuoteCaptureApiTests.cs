using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GtmBot.IntegrationTests.Quotes;

/// <summary>Quote capture and queries through the real host's local API on SQLite.</summary>
public sealed class QuoteCaptureApiTests : IDisposable
{
    private readonly GtmHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Html(JsonElement response) => string.Join('\n', response.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("html").GetString()));

    [Fact]
    public async Task Slash_text_captures_a_quote_and_it_is_found_by_chinese_keyword()
    {
        using var client = _host.CreateClient();
        var captured = await PostAsync(client, new { channel = "sales", user = "ana", text = "/gtm quote 客户M：手机端看板打不开，门店店长每天早上都要看" });
        var reply = captured.GetProperty("replies")[0];
        Assert.Equal("channel", reply.GetProperty("visibility").GetString());
        Assert.Contains("客户M", reply.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.True(reply.GetProperty("id").GetInt64() > 0);

        var found = await PostAsync(client, new { channel = "sales", user = "bo", text = "/gtm quotes 看板" });
        Assert.Contains("手机端看板打不开", Html(found), StringComparison.Ordinal);

        var other = await PostAsync(client, new { channel = "other", user = "bo", text = "/gtm quotes 看板" });
        Assert.DoesNotContain("手机端看板打不开", Html(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_action_from_an_edge_is_stored_and_toggles_correct_it()
    {
        using var client = _host.CreateClient();
        var captured = await PostAsync(client, new
        {
            channel = "sales",
            user = "ana",
            action = "quote.capture",
            form = new Dictionary<string, string?>
            {
                ["text"] = "Orchard Bank: security review needs SOC 2 before we can sign",
                ["author"] = "U0REP",
                ["message_id"] = "m-42",
                ["source"] = "local",
            },
        });
        var html = Html(captured);
        Assert.Contains("Orchard Bank", html, StringComparison.Ordinal);

        // The card's "praise" toggle is off; pressing it as someone else turns it on and names them.
        var praise = Regex.Match(html, "data-action=\"quote.tag\" data-value=\"(\\d+\\|praise)\"");
        Assert.True(praise.Success);
        var toggled = await PostAsync(client, new { channel = "sales", user = "bo", action = "quote.tag", value = praise.Groups[1].Value });
        var toggledReply = toggled.GetProperty("replies")[0];
        Assert.Equal("replaceoriginal", toggledReply.GetProperty("placement").GetString());
        Assert.Contains("@bo", toggledReply.GetProperty("text").GetString() + toggledReply.GetProperty("html").GetString(), StringComparison.Ordinal);

        var list = await PostAsync(client, new { channel = "sales", user = "bo", text = "/gtm quotes praise Orchard Bank" });
        Assert.Contains("SOC 2", Html(list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_and_over_long_quotes_are_refused_and_nothing_is_stored()
    {
        using var client = _host.CreateClient();
        var empty = await PostAsync(client, new { channel = "sales", user = "ana", action = "quote.capture", form = new Dictionary<string, string?> { ["text"] = "" } });
        Assert.Equal("ephemeral", empty.GetProperty("replies")[0].GetProperty("visibility").GetString());

        var tooLong = await PostAsync(client, new { channel = "sales", user = "ana", text = "/gtm quote " + new string('a', 4001) });
        Assert.Contains("4,000", Html(tooLong), StringComparison.Ordinal);

        var list = await PostAsync(client, new { channel = "sales", user = "ana", text = "/gtm quotes" });
        Assert.Contains("No quotes", Html(list), StringComparison.Ordinal);
    }
}
