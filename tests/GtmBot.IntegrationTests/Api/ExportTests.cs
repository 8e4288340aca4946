using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Delivery;
using GtmBot.Host.Scheduling;
using GtmBot.IntegrationTests.Slack;
using GtmBot.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.IntegrationTests.Api;

/// <summary>Exports into the channel: Slack's upload flow against the loopback fake, signed links on the local page, the file limit, the weekly schedule.</summary>
public sealed partial class ExportTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Slack_export_goes_through_the_upload_flow_into_the_channel()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.100" });
        var channel = new ConversationKey(Platforms.Slack, "T1", "C1");
        var store = host.Factory.Services.GetRequiredService<IQuoteStore>();
        await store.AddAsync(channel, Quote("客户说导出到 Excel 时中文全是乱码", "Acme"), CancellationToken.None);
        await store.AddAsync(channel, Quote("He said \"no\", twice\nand left", "Globex, Inc."), CancellationToken.None);

        using var response = await host.PostSlashAsync("export quotes csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Exporting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var complete = Assert.Single(await host.Api.WaitForAsync("files.completeUploadExternal"));
        Assert.Equal("C1", complete.Form("channel_id"));
        var files = JsonNode.Parse(complete.Form("files")!)!.AsArray();
        var fileId = (string?)files[0]!["id"];

        var ticket = Assert.Single(host.Api.Of("files.getUploadURLExternal"));
        Assert.Equal("Bearer " + SlackHost.BotToken, ticket.Authorization);
        Assert.EndsWith(".csv", ticket.Form("filename"), StringComparison.Ordinal);
        var (fileName, content) = host.Api.Uploads[fileId!];
        Assert.Equal(ticket.Form("filename"), fileName);
        Assert.Equal(int.Parse(ticket.Form("length")!, System.Globalization.CultureInfo.InvariantCulture), content.Length);

        // UTF-8 with a byte order mark, CRLF records, RFC 4180 quoting.
        Assert.Equal(Bom, content[..3]);
        var csv = Encoding.UTF8.GetString(content, 3, content.Length - 3);
        Assert.StartsWith("id,text,customer,tags,motive,capturedBy,", csv, StringComparison.Ordinal);
        Assert.Contains("客户说导出到 Excel 时中文全是乱码", csv, StringComparison.Ordinal);
        Assert.Contains("\"He said \"\"no\"\", twice\nand left\",\"Globex, Inc.\"", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n", csv, StringComparison.Ordinal);

        // The upload went in order: ticket, bytes, completion.
        var order = host.Api.Calls.Select(c => c.Method).Where(m => m.StartsWith("files.", StringComparison.Ordinal) || m.StartsWith("upload:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["files.getUploadURLExternal", "upload:" + fileId, "files.completeUploadExternal"], order);
    }

    [Fact]
    public async Task Slack_api_tokens_are_for_workspace_admins_only()
    {
        await using var host = await SlackHost.StartAsync();
        using (var refused = await host.PostSlashAsync("api token create crm"))
        {
            Assert.Contains("Only workspace admins", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        const string admin = """{"ok":true,"user":{"id":"U1","name":"ana","is_admin":true,"tz":"Asia/Shanghai","locale":"en-US","profile":{"display_name":"Ana"}}}""";
        host.Api.Script("users.info", 200, admin);
        host.Api.Script("users.info", 200, admin);
        using var created = await host.PostSlashAsync("api token create crm");
        Assert.Matches("gtm_[A-Za-z0-9_-]{20,}", await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Local_export_posts_a_short_lived_signed_download_link()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = new ApiTestHost(clock: clock);
        await host.TurnAsync("general", "/gtm quote Acme: 同步太慢了，每周一都要手工修复");
        var queued = string.Join('\n', await host.TurnAsync("general", "/gtm export quotes csv customer=Acme"));
        Assert.Contains("Exporting", queued, StringComparison.Ordinal);

        // Nothing is in the channel until the outbox delivers it.
        var messages = host.Get<LocalChannelStore>();
        Assert.Empty(await ExportMessagesAsync(messages, "general"));
        await host.Hosted<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
        var posted = Assert.Single(await ExportMessagesAsync(messages, "general"));
        var link = LinkPattern().Match(posted.Reply.Text).Value;
        Assert.NotEmpty(link);
        var path = new Uri(link).PathAndQuery;

        using (var download = await host.Client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(Bom, bytes[..3]);
            Assert.Contains("同步太慢了", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        using (var tampered = await host.Client.GetAsync(new Uri(path.Replace("exports/1?", "exports/2?", StringComparison.Ordinal), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var expired = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task An_export_over_the_file_limit_is_refused_naming_the_limit()
    {
        await using var host = new ApiTestHost(new Dictionary<string, string?> { ["GtmBot:Api:MaxExportBytes"] = "2048" });
        for (var i = 0; i < 20; i++)
        {
            await host.TurnAsync("general", $"/gtm quote Customer{i}: the nightly sync keeps duplicating contacts and we fix it by hand every Monday morning ({i})");
        }

        var refused = string.Join('\n', await host.TurnAsync("general", "/gtm export quotes csv"));
        Assert.Contains("over the limit of 2 KB per file", refused, StringComparison.Ordinal);

        await host.TurnAsync("general", "/gtm lang zh");
        var zh = string.Join('\n', await host.TurnAsync("general", "/gtm export quotes csv"));
        Assert.Contains("超过了每个文件 2 KB 的上限", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weekly_export_arrives_in_the_channel_at_the_set_minute()
    {
        // Sunday 1 March 2026, noon UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = new ApiTestHost(clock: clock);
        await host.TurnAsync("sales", "/gtm quote Acme: the calendar sync drops meetings");
        var set = string.Join('\n', await host.TurnAsync("sales", "/gtm export weekly Monday 08:00 Europe/Berlin quotes csv"));
        Assert.Contains("2026-03-02 07:00 UTC", set, StringComparison.Ordinal); // 08:00 in Berlin (CET) is 07:00 UTC
        Assert.Contains("quotes csv", string.Join('\n', await host.TurnAsync("sales", "/gtm export list")), StringComparison.Ordinal);

        var scheduler = host.Hosted<ExportScheduler>();
        var dispatcher = host.Hosted<OutboxDispatcher>();
        var messages = host.Get<LocalChannelStore>();

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 6, 59, 59, TimeSpan.Zero));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await ExportMessagesAsync(messages, "sales"));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None)); // moved on to next week
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var posted = Assert.Single(await ExportMessagesAsync(messages, "sales"));
        Assert.Contains("gtm-quotes-sales-20260302-0700.csv", posted.Reply.Text, StringComparison.Ordinal);

        // Off: nothing next week.
        await host.TurnAsync("sales", "/gtm export off");
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
    }

    private static async Task<List<LocalMessage>> ExportMessagesAsync(LocalChannelStore messages, string channel) =>
        [.. (await messages.ListAsync(ApiTestHost.Local(channel), CancellationToken.None)).Where(m => m.Reply.Text.Contains("/exports/", StringComparison.Ordinal))];

    private static NewQuote Quote(string text, string customer) =>
        new(text, customer, "en", new QuoteOrigin("U1", "Ana", null, null, null, null, "slash"), TimeProvider.System.GetUtcNow(), [QuoteTags.Pain], Motive.Need);

    [GeneratedRegex(@"https?://\S+/exports/\d+\?\S+")]
    private static partial Regex LinkPattern();
}
