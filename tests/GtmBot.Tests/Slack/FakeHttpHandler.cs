using System.Net;
using System.Text;
using GtmBot.Slack;
using GtmBot.Slack.Api;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GtmBot.Tests.Slack;

/// <summary>Answers HTTP requests from a script of responses and records the requests.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<(string Path, string Body)> Requests { get; } = [];

    public FakeHttpHandler Respond(string json, HttpStatusCode status = HttpStatusCode.OK, int? retryAfter = null)
    {
        _responses.Enqueue(() =>
        {
            var r = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (retryAfter is not null)
            {
                r.Headers.Add("Retry-After", retryAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return r;
        });
        return this;
    }

    /// <summary>Replays a raw HTTP response file (status line, headers, blank line, body).</summary>
    public FakeHttpHandler RespondRaw(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = raw[..split].Split("\r\n");
        var body = raw[(split + 4)..];
        var status = (HttpStatusCode)int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        _responses.Enqueue(() =>
        {
            var r = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var line in head.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
                if (!name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
                {
                    r.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return r;
        });
        return this;
    }

    public SlackApiClient Client() =>
        new(new HttpClient(this), Options.Create(new SlackOptions { ApiBaseUrl = "http://127.0.0.1:9/api/" }), TimeProvider.System, NullLogger<SlackApiClient>.Instance);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.RequestUri!.AbsolutePath, request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken)));
        return _responses.Count > 0 ? _responses.Dequeue()() : throw new InvalidOperationException("No scripted response left.");
    }
}
