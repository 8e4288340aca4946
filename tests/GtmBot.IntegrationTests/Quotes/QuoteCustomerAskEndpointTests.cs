using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.IntegrationTests.Api;

namespace GtmBot.IntegrationTests.Quotes;

/// <summary>
/// Capture hygiene through the local page's real endpoint and the API, in English and Chinese: a name without "Customer:"
/// is asked about, never saved as the quote; the answer saves once; lists, insights and the API name the customer once.
/// </summary>
public sealed partial class QuoteCustomerAskEndpointTests
{
    [Theory]
    [InlineData("en", "Is <strong>Acme Bank</strong> the customer?", "Already saved")]
    [InlineData("zh", "<strong>Acme Bank</strong> 是客户吗？", "已经保存过")]
    public async Task A_quote_without_a_customer_prefix_is_asked_about_and_saved_once(string lang, string question, string already)
    {
        await using var host = new ApiTestHost();
        var client = host.Client;
        const string channel = "sales";
        await PostAsync(client, new { channel, user = "ana", text = $"/gtm lang {lang}" });

        // Only a name: the form asks for the words, with the customer filled in; nothing is saved.
        var nameOnly = Html(await PostAsync(client, new { channel, user = "ana", text = "/gtm quote Acme Bank" }));
        Assert.Contains("<form", nameOnly, StringComparison.Ordinal);
        Assert.Contains("value=\"Acme Bank\"", nameOnly, StringComparison.Ordinal);

        // A name, then the quote: asked, with the text kept in the buttons; nothing is saved yet.
        var ask = Html(await PostAsync(client, new { channel, user = "ana", text = "/gtm quote Acme Bank the export keeps failing every Monday" }));
        Assert.Contains(question, ask, StringComparison.Ordinal);
        var token = await host.CreateTokenAsync();
        using var api = host.ApiClient(token);
        using (var none = await api.GetAsync(new Uri($"/api/v1/quotes?channel={channel}", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            // Nothing is stored in the channel yet, so the API does not know it.
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var (yes, yesValue) = Button(ask, "quote.as-customer");
        await PostAsync(client, new { channel, user = "ana", action = yes, value = yesValue });
        var again = WebUtility.HtmlDecode(Html(await PostAsync(client, new { channel, user = "ana", action = yes, value = yesValue })));
        Assert.Contains(already, again, StringComparison.Ordinal);

        await PostAsync(client, new { channel, user = "bo", text = "/gtm quote Initech: the export keeps failing on big files" });
        await PostAsync(client, new { channel, user = "bo", text = "/gtm quote Globex said the export keeps failing after the update" });

        var quotes = await QuotesAsync(api, channel);
        Assert.Equal(3, quotes.GetArrayLength());
        var acme = quotes.EnumerateArray().Single(q => q.GetProperty("customer").GetString() == "Acme Bank");
        Assert.Equal("the export keeps failing every Monday", acme.GetProperty("text").GetString());
        var globex = quotes.EnumerateArray().Single(q => q.GetProperty("customer").GetString() == "Globex");
        Assert.Equal("the export keeps failing after the update", globex.GetProperty("body").GetString());

        // Lists and insights name each customer once.
        var list = WebUtility.HtmlDecode(Html(await PostAsync(client, new { channel, user = "ana", text = "/gtm quotes" })));
        var insights = WebUtility.HtmlDecode(Html(await PostAsync(client, new { channel, user = "ana", text = "/gtm insights" })));
        foreach (var shown in new[] { list, insights })
        {
            Assert.Contains("the export keeps failing on big files", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Initech:", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Globex said", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Acme Bank — Acme Bank", shown, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> QuotesAsync(HttpClient api, string channel) =>
        (await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/quotes?channel={channel}", UriKind.Relative), TestContext.Current.CancellationToken)).GetProperty("items");

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Html(JsonElement response) => string.Join('\n', response.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("html").GetString()));

    private static (string Action, string Value) Button(string html, string action)
    {
        foreach (Match m in ButtonPattern().Matches(html))
        {
            if (m.Groups["action"].Value == action)
            {
                return (action, WebUtility.HtmlDecode(m.Groups["value"].Value));
            }
        }

        Assert.Fail($"No button {action} in {html}");
        return default;
    }

    [GeneratedRegex("<button[^>]*data-action=\"(?<action>[^\"]*)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex ButtonPattern();
}
