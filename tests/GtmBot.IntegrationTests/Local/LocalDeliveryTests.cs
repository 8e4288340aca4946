using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Local;

/// <summary>Outbox messages to the local platform land in the local channel page, which is told of them by an event stream.</summary>
public sealed class LocalDeliveryTests : IDisposable
{
    private readonly GtmHostFactory _host = new(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" });

    public void Dispose() => _host.Dispose();

    private static readonly ConversationKey Plan = new(Platforms.Local, "local", "plan");

    private async Task<JsonElement> MessagesAsync(HttpClient client, long? after = null)
    {
        var url = after is null ? "/local/api/channels/plan/messages" : $"/local/api/channels/plan/messages?after={after}";
        return (await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative)))!.GetProperty("replies");
    }

    private async Task<JsonElement> WaitForAsync(HttpClient client, long? after, Func<JsonElement, bool> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var replies = await MessagesAsync(client, after);
            if (done(replies))
            {
                return replies;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    [Fact]
    public async Task An_outbox_message_appears_in_the_channel_and_after_returns_only_newer_ones()
    {
        using var client = _host.CreateClient();
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(new OutboundMessage(Plan, new Reply([new TextBlock("first")], "first")), CancellationToken.None);
        var all = await WaitForAsync(client, null, r => r.GetArrayLength() == 1);
        var firstId = all[0].GetProperty("id").GetInt64();

        await outbox.EnqueueAsync(new OutboundMessage(Plan, new Reply([new TextBlock("second")], "second")), CancellationToken.None);
        var newer = await WaitForAsync(client, firstId, r => r.GetArrayLength() == 1);
        Assert.Equal("second", newer[0].GetProperty("text").GetString());
        Assert.Empty((await MessagesAsync(client, newer[0].GetProperty("id").GetInt64())).EnumerateArray());
    }

    [Fact]
    public async Task An_artefact_delivered_twice_updates_the_same_pinned_message()
    {
        using var client = _host.CreateClient();
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        Reply Canvas(string v) => new([new TextBlock(v)], v, Placement: ReplyPlacement.Artefact, ArtefactKey: "canvas:default");
        await outbox.EnqueueAsync(new OutboundMessage(Plan, Canvas("v1")), CancellationToken.None);
        var first = await WaitForAsync(client, null, r => r.GetArrayLength() == 1);
        await outbox.EnqueueAsync(new OutboundMessage(Plan, Canvas("v2")), CancellationToken.None);
        var polled = await WaitForAsync(client, first[0].GetProperty("id").GetInt64(), r => r.EnumerateArray().Any(m => m.GetProperty("text").GetString() == "v2"));

        var artefact = Assert.Single(polled.EnumerateArray());
        Assert.Equal(first[0].GetProperty("id").GetInt64(), artefact.GetProperty("id").GetInt64());
        Assert.Equal("artefact", artefact.GetProperty("placement").GetString());
        Assert.Single((await MessagesAsync(client)).EnumerateArray());
    }

    [Fact]
    public async Task A_malformed_after_is_a_400()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(new Uri("/local/api/channels/plan/messages?after=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_page_follows_the_event_stream_and_polls_only_when_it_cannot_open()
    {
        using var client = _host.CreateClient();
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("new EventSource(", page, StringComparison.Ordinal);
        Assert.Contains("?after=", page, StringComparison.Ordinal);
    }
}
