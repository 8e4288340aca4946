using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Local;

/// <summary>Direct messages to a local user land in that person's own feed, read through the local page's API.</summary>
public sealed class LocalDirectMessageTests : IDisposable
{
    private readonly GtmHostFactory _host = new(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" });

    public void Dispose() => _host.Dispose();

    private static OutboundMessage Dm(string user, string text, string key, ReplyPlacement placement = ReplyPlacement.NewMessage) =>
        new(ConversationKey.Direct(Platforms.Local, "local", user), new Reply([new TextBlock(text)], text, Placement: placement, ArtefactKey: placement == ReplyPlacement.Artefact ? "need:1" : null), key);

    private static async Task<JsonElement> DirectAsync(HttpClient client, string user, long? after = null)
    {
        var url = $"/local/api/people/{Uri.EscapeDataString(user)}/direct-messages" + (after is null ? string.Empty : $"?after={after}");
        return (await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative))).GetProperty("replies");
    }

    private async Task<MessageDelivery> SettledAsync(OutboundMessage message)
    {
        var status = _host.Services.GetRequiredService<IDeliveryStatus>();
        var deadline = Environment.TickCount64 + 20_000;
        MessageDelivery? state;
        while ((state = await status.StateAsync(message.Conversation, message.IdempotencyKey!, CancellationToken.None)) is null or { State: DeliveryState.Pending }
            && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(state);
        return state;
    }

    [Fact]
    public async Task A_direct_message_appears_once_in_the_persons_feed_and_nowhere_else()
    {
        using var client = _host.CreateClient();
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        var dm = Dm("ana", "Planned for Q3: scheduled backup — your quotes from <b>Acme</b>", "need:1:planned:ana");
        await outbox.EnqueueAsync(dm, CancellationToken.None);
        await outbox.EnqueueAsync(dm, CancellationToken.None);

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(dm)).State);
        await Task.Delay(300);

        var mine = await DirectAsync(client, "ana");
        var only = Assert.Single(mine.EnumerateArray());
        Assert.Contains("scheduled backup", only.GetProperty("text").GetString(), StringComparison.Ordinal);
        var html = only.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<b>Acme</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Acme&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Empty((await DirectAsync(client, "bo")).EnumerateArray());
        Assert.Empty((await DirectAsync(client, "ana", only.GetProperty("id").GetInt64())).EnumerateArray());
    }

    [Fact]
    public async Task An_artefact_sent_to_a_person_is_a_plain_message_in_their_feed()
    {
        using var client = _host.CreateClient();
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        var first = Dm("ana", "need card v1", "card:1", ReplyPlacement.Artefact);
        var second = Dm("ana", "need card v2", "card:2", ReplyPlacement.Artefact);
        await outbox.EnqueueAsync(first, CancellationToken.None);
        await outbox.EnqueueAsync(second, CancellationToken.None);
        await SettledAsync(first);
        await SettledAsync(second);

        var mine = (await DirectAsync(client, "ana")).EnumerateArray().ToList();
        Assert.Equal(["need card v1", "need card v2"], mine.Select(m => m.GetProperty("text").GetString()));
        Assert.All(mine, m => Assert.Equal("newmessage", m.GetProperty("placement").GetString()));
    }

    [Theory]
    [InlineData("@ana")]
    [InlineData("@")]
    public async Task A_channel_name_starting_with_at_is_refused_with_400(string channel)
    {
        using var client = _host.CreateClient();
        var body = JsonSerializer.Serialize(new { channel, user = "bo", text = "/gtm help" });
        using var response = await client.PostAsync(new Uri("/local/api/turns", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must not start with '@'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var list = await client.GetAsync(new Uri($"/local/api/channels/{Uri.EscapeDataString(channel)}/messages", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
    }

    [Fact]
    public async Task A_user_name_over_the_limit_is_refused_with_400()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(new Uri($"/local/api/people/{new string('x', 81)}/direct-messages", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
