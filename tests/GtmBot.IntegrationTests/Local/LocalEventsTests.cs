using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Local;

/// <summary>The local channel pushes its messages as Server-Sent Events, and keeps what people typed.</summary>
public sealed class LocalEventsTests : IDisposable
{
    private static readonly ConversationKey Plan = new(Platforms.Local, "local", "plan");

    private readonly GtmHostFactory _host = new(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" });

    public void Dispose() => _host.Dispose();

    private static Reply Text(string text) => new([new TextBlock(text)], text);

    /// <summary>An open stream and its events, read one at a time (with a time limit, so a missing event fails the test).</summary>
    private sealed class Stream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events) : IAsyncDisposable
    {
        public HttpResponseMessage Response => response;

        public async Task<SseItem<string>> NextAsync()
        {
            var next = events.MoveNextAsync().AsTask();
            if (await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)) != next || !await next)
            {
                throw new TimeoutException("no further event on the stream");
            }

            return events.Current;
        }

        /// <summary>The next message event (skipping ready and ping), with its data parsed.</summary>
        public async Task<(string? Id, JsonElement Reply)> NextReplyAsync()
        {
            while (true)
            {
                var item = await NextAsync();
                if (item.EventType == "reply")
                {
                    return (item.EventId, JsonDocument.Parse(item.Data).RootElement);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await events.DisposeAsync();
            response.Dispose();
        }
    }

    private async Task<Stream> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new Stream(response, SseParser.Create(body).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_event_stream_answers_as_text_event_stream()
    {
        using var client = _host.CreateClient();
        await using var stream = await OpenAsync(client, "/local/api/channels/plan/events");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var first = await stream.NextAsync();
        Assert.Equal("ready", first.EventType);
    }

    [Fact]
    public async Task A_message_delivered_by_the_outbox_is_pushed_to_an_open_stream()
    {
        using var client = _host.CreateClient();
        await using var stream = await OpenAsync(client, "/local/api/channels/plan/events");
        Assert.Equal("ready", (await stream.NextAsync()).EventType);

        await _host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new OutboundMessage(Plan, Text("Weekly reminder: review the canvas")), CancellationToken.None);
        var (id, reply) = await stream.NextReplyAsync();
        Assert.Contains("Weekly reminder", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(reply.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), id);
    }

    [Fact]
    public async Task A_changed_living_card_is_pushed_again_and_an_unchanged_one_is_not()
    {
        var store = _host.Services.GetRequiredService<LocalChannelStore>();
        Reply Card(string text) => Text(text) with { Placement = ReplyPlacement.Artefact, ArtefactKey = "canvas:default" };
        await store.PostAsync(Plan, Card("Who: (not filled in yet)"), CancellationToken.None);

        using var client = _host.CreateClient();
        await using var stream = await OpenAsync(client, "/local/api/channels/plan/events");
        Assert.Equal("Who: (not filled in yet)", (await stream.NextReplyAsync()).Reply.GetProperty("text").GetString());

        await store.PostAsync(Plan, Card("Who: heads of sales ops"), CancellationToken.None);
        await store.PostAsync(Plan, Text("after the card"), CancellationToken.None);
        var texts = new[] { await stream.NextReplyAsync(), await stream.NextReplyAsync() }.Select(r => r.Reply.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Who: heads of sales ops", "after the card"], texts);
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_resumes_without_losing_or_repeating_a_message()
    {
        var store = _host.Services.GetRequiredService<LocalChannelStore>();
        await store.PostAsync(Plan, Text("one"), CancellationToken.None);
        await store.PostAsync(Plan, Text("two"), CancellationToken.None);

        using var client = _host.CreateClient();
        string? lastId;
        await using (var first = await OpenAsync(client, "/local/api/channels/plan/events"))
        {
            Assert.Equal("one", (await first.NextReplyAsync()).Reply.GetProperty("text").GetString());
            var two = await first.NextReplyAsync();
            Assert.Equal("two", two.Reply.GetProperty("text").GetString());
            lastId = two.Id;
        }

        // Written while the page was disconnected.
        await store.PostAsync(Plan, Text("three"), CancellationToken.None);
        await store.PostAsync(Plan, Text("four"), CancellationToken.None);

        await using var resumed = await OpenAsync(client, "/local/api/channels/plan/events", lastId);
        await store.PostAsync(Plan, Text("five"), CancellationToken.None);
        var texts = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            texts.Add((await resumed.NextReplyAsync()).Reply.GetProperty("text").GetString());
        }

        Assert.Equal(["three", "four", "five"], texts);
    }

    [Fact]
    public async Task Direct_messages_have_their_own_stream()
    {
        using var client = _host.CreateClient();
        await using var stream = await OpenAsync(client, "/local/api/people/ana/direct-messages/events");
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(new OutboundMessage(ConversationKey.Direct(Platforms.Local, "local", "bo"), Text("for bo")), CancellationToken.None);
        await outbox.EnqueueAsync(new OutboundMessage(ConversationKey.Direct(Platforms.Local, "local", "ana"), Text("for ana")), CancellationToken.None);
        Assert.Equal("for ana", (await stream.NextReplyAsync()).Reply.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/local/api/channels/plan/events", "abc")]
    [InlineData("/local/api/channels/plan/events", "-1")]
    [InlineData("/local/api/channels/@ana/events", null)]
    [InlineData("/local/api/channels/plan/events?after=x", null)]
    public async Task A_malformed_stream_request_is_a_400(string url, string? lastEventId)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_typed_command_is_kept_in_the_channel_before_the_answers_it_got()
    {
        using var client = _host.CreateClient();
        async Task<JsonElement> TypeAsync(string text)
        {
            using var turn = await client.PostAsJsonAsync(
                new Uri("/local/api/turns", UriKind.Relative), new { channel = "plan", user = "ana", text }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
            return await turn.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        }

        var answered = await TypeAsync("/gtm canvas");
        Assert.Equal("ana", answered.GetProperty("command").GetProperty("author").GetString());
        Assert.DoesNotContain(answered.GetProperty("replies").EnumerateArray(), r => r.TryGetProperty("author", out _));
        await TypeAsync("/gtm help <b>now</b>");

        var history = (await client.GetFromJsonAsync<JsonElement>(new Uri("/local/api/channels/plan/messages", UriKind.Relative), TestContext.Current.CancellationToken)).GetProperty("replies");
        var commands = history.EnumerateArray().Where(r => r.TryGetProperty("author", out _)).ToList();
        Assert.Equal(["/gtm canvas", "/gtm help <b>now</b>"], commands.Select(c => c.GetProperty("text").GetString()));
        Assert.All(commands, c => Assert.Equal("ana", c.GetProperty("author").GetString()));
        Assert.Contains("&lt;b&gt;now&lt;/b&gt;", commands[1].GetProperty("html").GetString(), StringComparison.Ordinal);
        var canvas = history.EnumerateArray().Single(r => r.GetProperty("placement").GetString() == "artefact");
        Assert.True(commands[0].GetProperty("id").GetInt64() < canvas.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_replaced_message_keeps_its_id_and_is_pushed_again_in_place()
    {
        var store = _host.Services.GetRequiredService<LocalChannelStore>();
        var id = await store.PostAsync(Plan, Text("quote: pain"), CancellationToken.None);

        using var client = _host.CreateClient();
        await using var stream = await OpenAsync(client, "/local/api/channels/plan/events");
        Assert.Equal("quote: pain", (await stream.NextReplyAsync()).Reply.GetProperty("text").GetString());

        Assert.Equal(id, await store.ReplaceAsync(Plan, id, Text("quote: pain, praise") with { Placement = ReplyPlacement.ReplaceOriginal }, CancellationToken.None));
        var (_, replaced) = await stream.NextReplyAsync();
        Assert.Equal(id, replaced.GetProperty("id").GetInt64());
        Assert.Equal("quote: pain, praise", replaced.GetProperty("text").GetString());

        var all = await store.ListAsync(Plan, CancellationToken.None);
        Assert.Equal("quote: pain, praise", Assert.Single(all).Reply.Text);

        // Another channel's message is not replaced from here: the reply becomes a message of its own.
        var elsewhere = await store.ReplaceAsync(new ConversationKey(Platforms.Local, "local", "other"), id, Text("not yours"), CancellationToken.None);
        Assert.NotEqual(id, elsewhere);
        Assert.Equal("quote: pain, praise", Assert.Single(await store.ListAsync(Plan, CancellationToken.None)).Reply.Text);
    }
}
