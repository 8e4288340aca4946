using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.Engine.DataOut;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GtmBot.IntegrationTests.Api;

/// <summary>Signed webhook events delivered through the outbox to a loopback receiver that checks the signature.</summary>
public sealed partial class WebhookTests
{
    [Fact]
    public async Task Quote_created_and_theme_changed_reach_a_receiver_that_verifies_the_signature_after_a_retry()
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 1);
        await using var host = new ApiTestHost(new Dictionary<string, string?>
        {
            ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.100",
            ["GtmBot:Delivery:RetryBaseDelay"] = "00:00:00.200",
        });

        var added = string.Join('\n', await host.TurnAsync("general", $"/gtm webhook add {receiver.Url} quote.created,theme.changed"));
        receiver.Secret = SecretPattern().Match(added).Value;
        Assert.NotEmpty(receiver.Secret);
        Assert.Contains(receiver.Url, string.Join('\n', await host.TurnAsync("general", "/gtm webhook list")), StringComparison.Ordinal);

        await host.TurnAsync("general", "/gtm quote Acme: the calendar sync drops meetings every week");
        await host.TurnAsync("general", "/gtm quote Globex: calendar sync broke again for our whole team");

        var created = await receiver.WaitForAsync(e => e.Type == WebhookEvents.QuoteCreated, 2);
        Assert.All(created, e => Assert.True(e.SignatureValid));
        Assert.Equal(["Acme", "Globex"], created.Select(e => e.Body.GetProperty("data").GetProperty("customer").GetString()).Order());
        Assert.Equal("local:local", created[0].Body.GetProperty("workspace").GetString());

        var themed = await receiver.WaitForAsync(e => e.Type == WebhookEvents.ThemeChanged, 1);
        Assert.True(themed[0].SignatureValid);
        Assert.Equal("added", themed[0].Body.GetProperty("data").GetProperty("change").GetString());

        // The first POST got a 500 and was retried: more attempts than distinct events, every event delivered.
        Assert.True(receiver.Attempts > receiver.Events.Select(e => e.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("http://example.com/hook", "not https")]
    [InlineData("ftp://example.com/hook", "not https")]
    [InlineData("not-a-url", "not an absolute URL")]
    public async Task A_webhook_url_that_is_not_https_is_refused(string url, string reason)
    {
        await using var host = new ApiTestHost();
        var reply = string.Join('\n', await host.TurnAsync("general", $"/gtm webhook add {url}"));
        Assert.Contains(reason, reply, StringComparison.Ordinal);
        Assert.Contains("no webhooks", string.Join('\n', await host.TurnAsync("general", "/gtm webhook list")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_https_webhook_is_accepted_listed_and_removed()
    {
        await using var host = new ApiTestHost();
        Assert.Contains("Webhook #1 added", string.Join('\n', await host.TurnAsync("general", "/gtm webhook add https://hooks.example.com/gtm quote.created")), StringComparison.Ordinal);
        Assert.Contains("Removed 1", string.Join('\n', await host.TurnAsync("general", "/gtm webhook remove 1")), StringComparison.Ordinal);
        Assert.Contains("Unknown event", string.Join('\n', await host.TurnAsync("general", "/gtm webhook add https://hooks.example.com/gtm quote.deleted")), StringComparison.Ordinal);
    }

    [GeneratedRegex("whsec_[A-Za-z0-9_-]+")]
    private static partial Regex SecretPattern();

    private sealed record ReceivedEvent(string Id, string Type, JsonElement Body, bool SignatureValid);

    /// <summary>A loopback webhook receiver that verifies every signature as the README tells receivers to.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _failuresLeft;
        private int _attempts;

        private Receiver(WebApplication app, int failFirst)
        {
            _app = app;
            _failuresLeft = failFirst;
        }

        public string Url { get; private set; } = string.Empty;

        public string Secret { get; set; } = string.Empty;

        public int Attempts => _attempts;

        public ConcurrentQueue<ReceivedEvent> Events { get; } = new();

        public static async Task<Receiver> StartAsync(int failFirst)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app, failFirst);
            app.MapPost("/hook", (Delegate)receiver.HandleAsync);
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
            return receiver;
        }

        public async Task<List<ReceivedEvent>> WaitForAsync(Func<ReceivedEvent, bool> match, int count)
        {
            var deadline = Environment.TickCount64 + 20_000;
            while (Environment.TickCount64 < deadline)
            {
                var found = Events.Where(match).GroupBy(e => e.Id).Select(g => g.First()).ToList();
                if (found.Count >= count)
                {
                    return found;
                }

                await Task.Delay(50);
            }

            Assert.Fail($"Expected {count} matching events; got {Events.Count} events.");
            return [];
        }

        private async Task<IResult> HandleAsync(HttpContext http)
        {
            Interlocked.Increment(ref _attempts);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return Results.StatusCode(500);
            }

            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            var valid = WebhookSignature.Verify(Secret, http.Request.Headers[WebhookSignature.Header], body, TimeProvider.System);
            using var doc = JsonDocument.Parse(body);
            Events.Enqueue(new ReceivedEvent(http.Request.Headers[WebhookSignature.DeliveryHeader].ToString(), http.Request.Headers[WebhookSignature.EventHeader].ToString(), doc.RootElement.Clone(), valid));
            return valid ? Results.NoContent() : Results.Unauthorized();
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
