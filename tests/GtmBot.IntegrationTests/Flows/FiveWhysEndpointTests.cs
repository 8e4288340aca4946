using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.IntegrationTests.Api;

namespace GtmBot.IntegrationTests.Flows;

/// <summary>
/// The five whys through the local page's real endpoint and the open API, in English and Chinese: the whys, the optional
/// "why us?", the root cause the team picks, the canvas the channel works on, and numbers that count per channel.
/// </summary>
public sealed partial class FiveWhysEndpointTests
{
    [Theory]
    [InlineData("en", "Five whys #1", "Why would they choose us?", "Which answer is the root cause?", "(why 1, picked by", "Five whys #2")]
    [InlineData("zh", "五问法 #1", "客户为什么会选我们？", "哪个回答是根本原因？", "（第 1 个为什么，由", "五问法 #2")]
    public async Task A_drill_ends_in_the_root_cause_the_team_picked_and_writes_into_the_current_canvas(
        string lang, string title, string whyUs, string pickAsk, string picked, string secondTitle)
    {
        await using var host = new ApiTestHost();
        var client = host.Client;
        const string channel = "launch";
        foreach (var user in new[] { "ana", "bo" })
        {
            await PostAsync(client, new { channel, user, text = $"/gtm lang {lang}" });
        }

        // Another channel already has drills: this channel's first drill is still #1.
        await PostAsync(client, new { channel = "elsewhere", user = "ana", text = "/gtm why one" });
        await PostAsync(client, new { channel = "elsewhere", user = "ana", text = "/gtm why two" });

        // The channel works on the "acme" canvas (opened last), not on "default".
        await PostAsync(client, new { channel, user = "ana", text = "/gtm canvas" });
        await PostAsync(client, new { channel, user = "ana", text = "/gtm canvas acme" });

        var card = ArtefactHtml(await PostAsync(client, new { channel, user = "ana", text = "/gtm why pilots stall after the demo" }), "why:");
        Assert.Contains(title, card, StringComparison.Ordinal);
        foreach (var answer in new[] { "Their IT must approve every tool", "We could ship an on-premises build" })
        {
            var (open, openValue) = Button(card, "why.answer", string.Empty);
            var (submit, submitValue) = Form(Html(await PostAsync(client, new { channel, user = "bo", action = open, value = openValue }), 0));
            card = ArtefactHtml(await PostAsync(client, new { channel, user = "bo", action = submit, value = submitValue, form = new Dictionary<string, string> { ["answer"] = answer } }), "why:");
        }

        var (stop, stopValue) = Button(card, "why.stop", string.Empty);
        card = ArtefactHtml(await PostAsync(client, new { channel, user = "ana", action = stop, value = stopValue }), "why:");
        Assert.Contains(whyUs, WebUtility.HtmlDecode(card), StringComparison.Ordinal);

        var (us, usValue) = Button(card, "why.us", string.Empty);
        var (usSubmit, usSubmitValue) = Form(Html(await PostAsync(client, new { channel, user = "ana", action = us, value = usValue }), 0));
        card = ArtefactHtml(await PostAsync(client, new { channel, user = "ana", action = usSubmit, value = usSubmitValue, form = new Dictionary<string, string> { ["why_us"] = "Only we pass their security review in a week" } }), "why:");
        Assert.Contains(pickAsk, WebUtility.HtmlDecode(card), StringComparison.Ordinal);

        // The first answer is the root cause, not the last one (which is a solution).
        var (pick, pickValue) = Button(card, "why.pick", ":1");
        card = WebUtility.HtmlDecode(ArtefactHtml(await PostAsync(client, new { channel, user = "ana", action = pick, value = pickValue }), "why:"));
        Assert.Contains("Their IT must approve every tool " + picked, card, StringComparison.Ordinal);

        // A stale press of the same button moves nothing and changes no card.
        var stale = await PostAsync(client, new { channel, user = "bo", action = pick, value = pickValue });
        Assert.Empty(ArtefactKeys(stale));

        var (motive, motiveValue) = Button(card, "why.motive", ":Need");
        card = ArtefactHtml(await PostAsync(client, new { channel, user = "ana", action = motive, value = motiveValue }), "why:");
        var (apply, applyValue) = Button(card, "why.apply", ":Why");
        var applyForm = Html(await PostAsync(client, new { channel, user = "ana", action = apply, value = applyValue }), 0);
        Assert.Contains("<option value=\"acme\" selected>", applyForm, StringComparison.Ordinal);
        Assert.Contains("Their IT must approve every tool", WebUtility.HtmlDecode(applyForm), StringComparison.Ordinal);
        var (write, writeValue) = Form(applyForm);
        var written = await PostAsync(client, new { channel, user = "ana", action = write, value = writeValue, form = new Dictionary<string, string> { ["canvas"] = "acme", ["text"] = "Their IT must approve every tool" } });
        Assert.Contains("canvas:acme", ArtefactKeys(written));

        var second = ArtefactHtml(await PostAsync(client, new { channel, user = "ana", text = "/gtm why renewals slip" }), "why:");
        Assert.Contains(secondTitle, second, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(Html(await PostAsync(client, new { channel, user = "ana", text = "/gtm why list" }), 0));
        Assert.Contains("#1", list, StringComparison.Ordinal);
        Assert.Contains("#2", list, StringComparison.Ordinal);
        Assert.DoesNotContain("#3", list, StringComparison.Ordinal);

        // The open API gives the channel's number, the picked root cause and the "why us?" answer.
        var token = await host.CreateTokenAsync();
        using var api = host.ApiClient(token);
        var drills = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/drills?channel={channel}", UriKind.Relative), TestContext.Current.CancellationToken);
        var first = drills.EnumerateArray().Single(d => d.GetProperty("problem").GetString() == "pilots stall after the demo");
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal("Their IT must approve every tool", first.GetProperty("rootCause").GetString());
        Assert.Equal(1, first.GetProperty("rootCauseStep").GetInt32());
        Assert.Equal("Only we pass their security review in a week", first.GetProperty("whyUs").GetString());
        Assert.Equal("acme:Why", first.GetProperty("appliedTo").GetString());
        Assert.Equal(2, drills.EnumerateArray().Single(d => d.GetProperty("problem").GetString() == "renewals slip").GetProperty("number").GetInt32());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Html(JsonElement response, int index) => response.GetProperty("replies")[index].GetProperty("html").GetString()!;

    private static List<string?> ArtefactKeys(JsonElement response) =>
        [.. response.GetProperty("replies").EnumerateArray().Where(r => r.TryGetProperty("artefactKey", out _)).Select(r => r.GetProperty("artefactKey").GetString())];

    private static string ArtefactHtml(JsonElement response, string keyStart) =>
        response.GetProperty("replies").EnumerateArray()
            .Single(r => r.TryGetProperty("artefactKey", out var k) && k.GetString()!.StartsWith(keyStart, StringComparison.Ordinal))
            .GetProperty("html").GetString()!;

    private static (string Action, string Value) Button(string html, string action, string valueEnd)
    {
        foreach (Match m in ButtonPattern().Matches(html))
        {
            var value = WebUtility.HtmlDecode(m.Groups["value"].Value);
            var parts = string.Join(':', GtmBot.Engine.ActionValue.SplitIds(value)); // read as a:b:c, whatever the codec wrote
            if (m.Groups["action"].Value == action && parts.EndsWith(valueEnd, StringComparison.Ordinal))
            {
                return (action, value);
            }
        }

        Assert.Fail($"No button {action} …{valueEnd} in {html}");
        return default;
    }

    private static (string Action, string Value) Form(string html)
    {
        var m = FormPattern().Match(html);
        Assert.True(m.Success, $"No form in {html}");
        return (m.Groups["action"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    [GeneratedRegex("<button[^>]*data-action=\"(?<action>[^\"]*)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("<form[^>]*data-action=\"(?<action>[^\"]*)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex FormPattern();
}
