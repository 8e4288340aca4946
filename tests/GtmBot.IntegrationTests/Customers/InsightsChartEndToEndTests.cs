using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Engine.Charts;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Delivery;
using GtmBot.IntegrationTests.Api;
using GtmBot.IntegrationTests.Slack;
using GtmBot.Slack;
using GtmBot.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace GtmBot.IntegrationTests.Customers;

/// <summary><c>/gtm insights chart</c> through the real host: inline on the local page from a signed link, uploaded on Slack.</summary>
public sealed partial class InsightsChartEndToEndTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Quotes =
    [
        "Acme: We lost a week of work because there is no automatic backup. We need nightly backups.",
        "Globex: Our IT team needs a way to back up the workspace before every release.",
        "Umbrella Health: Backups must be kept for 30 days for our auditors.",
        "海川科技：没有自动备份，误删了一个项目根本找不回来。",
        "Soylent: The login page times out, otherwise we'd use it daily.",
        "Initech: Single sign-on with Okta is required by our security team.",
    ];

    private static readonly string[] Profiles =
    [
        "Acme segment enterprise",
        "Globex segment Enterprise",
        "海川科技 segment SMB",
        "Soylent segment smb arr 12000",
    ];

    [Fact]
    public async Task Local_page_shows_the_chart_inline_from_a_signed_link()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = new ApiTestHost(clock: clock);
        foreach (var quote in Quotes)
        {
            clock.Advance(TimeSpan.FromMinutes(3));
            await host.TurnAsync("product", "/gtm quote " + quote);
        }

        foreach (var profile in Profiles)
        {
            await host.TurnAsync("product", "/gtm customer " + profile);
        }

        var queued = string.Join('\n', await host.TurnAsync("product", "/gtm insights chart"));
        Assert.Matches(@"The chart of \d+ themes is on its way\.", queued);

        await host.Hosted<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

        // The channel's feed, as the page reads it: the chart is an <img> at a signed link of the bot.
        using var feed = await host.Client.GetAsync(new Uri("/local/api/channels/product/messages", UriKind.Relative));
        feed.EnsureSuccessStatusCode();
        var html = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("html").GetString()!).ToList();
        var image = Assert.Single(html.Select(h => ImgSrc().Match(h)), m => m.Success);
        var link = new Uri(WebUtility.HtmlDecode(image.Groups["src"].Value));
        Assert.Matches(@"^/exports/\d+\?ws=local%3Alocal&exp=\d+&sig=[0-9a-f]{64}$", link.PathAndQuery);
        var posted = (await host.Get<LocalChannelStore>().ListAsync(ApiTestHost.Local("product"), CancellationToken.None)).Single(m => m.Reply.Blocks.OfType<ImageBlock>().Any());
        Assert.Equal("Distinct customers per theme, by segment", posted.Reply.Blocks.OfType<ImageBlock>().Single().AltText);

        using (var served = await host.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
            var png = await served.Content.ReadAsByteArrayAsync();
            Assert.Equal(PngSignature, png[..8]);
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(ChartPainter.Width, bitmap.Width);
            Assert.Equal(ChartPainter.HeightFor(2), bitmap.Height); // two themes: backups, and login/SSO
        }

        var tamperedSig = link.PathAndQuery[..^1] + (link.PathAndQuery[^1] == '0' ? '1' : '0');
        using (var tampered = await host.Client.GetAsync(new Uri(tamperedSig, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        }

        var otherWorkspace = link.PathAndQuery.Replace("ws=local%3Alocal", "ws=slack%3AT1", StringComparison.Ordinal);
        using (var moved = await host.Client.GetAsync(new Uri(otherWorkspace, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var expired = await host.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Slack_gets_the_chart_through_the_upload_flow()
    {
        await using var api = await FakeSlackApi.StartAsync();
        const string secret = "chart-signing-secret";
        await using var host = new GtmHostFactory(new Dictionary<string, string?>
        {
            ["GtmBot:Slack:SigningSecret"] = secret,
            ["GtmBot:Slack:BotToken"] = SlackHost.BotToken,
            ["GtmBot:Slack:ApiBaseUrl"] = api.ApiBaseUrl,
            ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.100",
        });
        using var client = host.CreateClient();
        var channel = new ConversationKey(Platforms.Slack, "T1", "C1");
        var quotes = host.Services.GetRequiredService<IQuoteStore>();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var text in Quotes)
        {
            at += TimeSpan.FromMinutes(3);
            var customer = text[..text.IndexOfAny([':', '：'])];
            await quotes.AddAsync(channel, new NewQuote(text, customer, "en", new QuoteOrigin("U1", "Ana", null, null, null, null, "slash"), at, [], Motive.Need), CancellationToken.None);
        }

        var customers = host.Services.GetRequiredService<ICustomerStore>();
        await customers.UpsertAsync(channel.WorkspaceKey, new CustomerProfile("Acme", "enterprise", null, null, null, "U1", at), CancellationToken.None);
        await customers.UpsertAsync(channel.WorkspaceKey, new CustomerProfile("海川科技", "SMB", null, null, null, "U1", at), CancellationToken.None);

        using var response = await PostSlashAsync(client, api, secret, "insights chart");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is on its way", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var complete = Assert.Single(await api.WaitForAsync("files.completeUploadExternal"));
        Assert.Equal("C1", complete.Form("channel_id"));
        var fileId = (string?)JsonNode.Parse(complete.Form("files")!)!.AsArray()[0]!["id"];
        var ticket = Assert.Single(api.Of("files.getUploadURLExternal"));
        Assert.EndsWith(".png", ticket.Form("filename"), StringComparison.Ordinal);
        var (_, content) = api.Uploads[fileId!];
        Assert.Equal(PngSignature, content[..8]);
        using var bitmap = SKBitmap.Decode(content);
        Assert.Equal(ChartPainter.Width, bitmap.Width);
        var order = api.Calls.Select(c => c.Method).Where(m => m.StartsWith("files.", StringComparison.Ordinal) || m.StartsWith("upload:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["files.getUploadURLExternal", "upload:" + fileId, "files.completeUploadExternal"], order);
    }

    private static Task<HttpResponseMessage> PostSlashAsync(HttpClient client, FakeSlackApi api, string secret, string text)
    {
        var body = string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = "T1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["user_name"] = "ana",
            ["command"] = "/gtm",
            ["text"] = text,
            ["response_url"] = api.ResponseUrl("commands/T1/1/x"),
            ["trigger_id"] = "111.222.abc",
            ["api_app_id"] = "A1",
        }.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(secret, ts, bytes));
        return client.SendAsync(request);
    }

    [GeneratedRegex("<img src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ImgSrc();
}
