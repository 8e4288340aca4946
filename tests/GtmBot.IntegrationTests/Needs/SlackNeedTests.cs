using System.Net;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.IntegrationTests.Slack;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Needs;

/// <summary>The needs story on Slack (loopback fake of the Web API): the need's card reaches the channel and each capturer's message is queued once.</summary>
public sealed class SlackNeedTests
{
    private static readonly Dictionary<string, string?> FastOutbox = new() { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" };
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");

    [Fact]
    public async Task A_need_moved_to_planned_updates_its_card_in_the_channel_and_queues_one_message_per_capturer()
    {
        await using var host = await SlackHost.StartAsync(FastOutbox);
        var quotes = host.Factory.Services.GetRequiredService<IQuoteStore>();
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var ids = new List<long>();
        foreach (var (customer, by) in new[] { ("Acme", "U2"), ("Initech", "U2"), ("Globex", "U3") })
        {
            var origin = new QuoteOrigin(by, null, null, null, null, null, "slash");
            var saved = await quotes.AddAsync(Channel, new NewQuote($"{customer}: we need a scheduled backup", customer, "en", origin, at, [], Motive.Need), TestContext.Current.CancellationToken);
            ids.Add(saved.Quote.Id);
        }

        Assert.Equal(HttpStatusCode.OK, (await host.PostSlashAsync("need new scheduled backup")).StatusCode);

        // The card is posted (and pinned) before it changes; otherwise the outbox rightly sends only its newest version.
        await host.Api.WaitForAsync("pins.add");
        await host.PostSlashAsync("need 1 link " + string.Join(' ', ids));
        var moved = await host.PostSlashAsync("need 1 status planned Q3 release");
        Assert.Contains("Need #1 updated.", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The card is the need's living message: posted once by the outbox, then updated in place.
        await host.Api.WaitForAsync("chat.update");
        var posted = host.Api.Of("chat.postMessage").Where(c => c.Json?["channel"]?.GetValue<string>() == "C1").ToList();
        Assert.Single(posted);
        var updated = host.Api.Of("chat.update").Last().Body;
        Assert.Contains("Planned", updated, StringComparison.Ordinal);

        await using var ctx = host.Factory.Services.GetRequiredService<IGtmDbFactory>().Create();
        var dms = await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.WorkspaceKey == "slack:T1" && o.Channel.StartsWith("@")).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["@U2", "@U3"], dms.Select(d => d.Channel).Order());
        Assert.Contains("Acme and Initech", dms.Single(d => d.Channel == "@U2").ReplyJson, StringComparison.Ordinal);
        Assert.Contains("Globex", dms.Single(d => d.Channel == "@U3").ReplyJson, StringComparison.Ordinal);
        Assert.All(dms, d => Assert.Equal(dms[0].IdempotencyKey, d.IdempotencyKey));

        // Each capturer hears back once, in their own direct messages.
        await host.Api.WaitForAsync("conversations.open", count: 2);
        Assert.Equal(["U2", "U3"], host.Api.Of("conversations.open").Select(c => c.Json?["users"]?.GetValue<string>() ?? c.Form("users")).Order());
    }
}
