using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.IntegrationTests.Api;

/// <summary>What a script author does with only the OpenAPI document: a token, quotes pushed in, quotes pulled back.</summary>
public sealed class ApiScriptTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ApiTestHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new ApiTestHost(clock: _clock);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_script_pushes_quotes_and_pulls_them_back_by_keyword_person_and_time_range()
    {
        // The document tells the script where things are.
        var document = await _host.Client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/quotes", out var quotesPath));
        Assert.True(quotesPath.TryGetProperty("get", out _));
        Assert.True(quotesPath.TryGetProperty("post", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());

        using var api = _host.ApiClient(await _host.CreateTokenAsync());

        // Monday: Ana pushes two quotes; Tuesday: Bob pushes one; Thursday: Ana again.
        var first = await PostAsync(api, new { channel = "sales", text = "客户反馈数据同步太慢，每周一都要手工修复", customer = "Acme", capturedBy = "U_ANA" });
        Assert.Equal("sales", first.GetProperty("channel").GetString());
        Assert.Equal("api", first.GetProperty("source").GetString());
        Assert.NotEmpty(first.GetProperty("tags").EnumerateArray());
        await PostAsync(api, new { channel = "sales", text = "The export to Excel breaks every time we add a column", customer = "Globex", capturedBy = "U_ANA" });

        // The script retries a post: the same words from the same customer are the quote already there (200, same id), not a new one.
        using (var again = await api.PostAsJsonAsync(new Uri("/api/v1/quotes", UriKind.Relative), new { channel = "sales", text = "客户反馈数据同步太慢，每周一都要手工修复", customer = "Acme", capturedBy = "U_ANA" }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(first.GetProperty("id").GetInt64(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }

        _clock.Advance(TimeSpan.FromDays(1));
        await PostAsync(api, new { channel = "support", text = "We pay too much for seats nobody uses", customer = "Initech", capturedBy = "U_BOB" });
        _clock.Advance(TimeSpan.FromDays(2));
        await PostAsync(api, new { channel = "sales", text = "同步失败的时候没有任何提醒", customer = "Acme", capturedBy = "U_ANA" });

        // By keyword: a Chinese substring inside a sentence.
        var sync = await GetAsync(api, "/api/v1/quotes?q=" + Uri.EscapeDataString("同步"));
        Assert.Equal(2, sync.Count);
        Assert.All(sync, q => Assert.Contains("同步", q.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Equal(["Acme"], sync.Select(q => q.GetProperty("customer").GetString()).Distinct());

        // By person.
        var bob = await GetAsync(api, "/api/v1/quotes?by=U_BOB");
        Assert.Equal("We pay too much for seats nobody uses", Assert.Single(bob).GetProperty("text").GetString());

        // By time range: Tuesday only (a date as 'to' means through that day).
        var tuesday = await GetAsync(api, "/api/v1/quotes?from=2026-03-03&to=2026-03-03");
        Assert.Equal("Initech", Assert.Single(tuesday).GetProperty("customer").GetString());

        // By instant range and person together.
        var anaMonday = await GetAsync(api, "/api/v1/quotes?by=U_ANA&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z");
        Assert.Equal(2, anaMonday.Count);

        // Pages follow (capturedAt, id), and the cursor walks them without gaps or repeats.
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/quotes?limit=1" + (cursor is null ? string.Empty : "&cursor=" + cursor), UriKind.Relative));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);
        Assert.Equal(4, seen.Count);
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task Themes_come_with_the_counts_of_the_insights()
    {
        using var api = _host.ApiClient(await _host.CreateTokenAsync());
        foreach (var (customer, text) in new[]
        {
            ("Acme", "The calendar sync drops meetings every week"),
            ("Globex", "Calendar sync is broken again for our team"),
            ("Initech", "We lost a day to the calendar sync bug"),
            ((string?)null, "calendar sync failed on my laptop"),
        })
        {
            await PostAsync(api, new { channel = "sales", text, customer });
        }

        var insights = string.Join('\n', await _host.TurnAsync("sales", "/gtm insights"));
        var themes = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/themes?channel=sales", UriKind.Relative));
        var top = themes.GetProperty("themes")[0];
        Assert.Equal(4, top.GetProperty("mentions").GetInt32());
        Assert.Equal(1, top.GetProperty("unattributedMentions").GetInt32());
        Assert.Equal(["Acme", "Globex", "Initech"], top.GetProperty("customers").EnumerateArray().Select(c => c.GetString()).Order());
        Assert.True(top.GetProperty("common").GetBoolean());
        Assert.Equal(4, top.GetProperty("quoteIds").GetArrayLength());

        // The insights reply names the same theme with the same distinct-customer count.
        Assert.Contains(top.GetProperty("label").GetString()!, insights, StringComparison.Ordinal);
        Assert.Contains(top.GetProperty("distinctCustomers").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), insights, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, object body)
    {
        using var response = await api.PostAsJsonAsync(new Uri("/api/v1/quotes", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> GetAsync(HttpClient api, string path)
    {
        var page = await api.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
