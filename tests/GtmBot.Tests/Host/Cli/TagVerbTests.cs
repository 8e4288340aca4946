using System.Text.Json;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Cli;

namespace GtmBot.Tests.Host.Cli;

public class TagVerbTests
{
    private static async Task<(int Code, string[] Out, string Err)> RunAsync(string input)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await TagVerb.RunAsync(stdin, stdout, stderr, new QuoteTagger());
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    [Fact]
    public async Task Each_line_gets_id_tags_motive_and_customer_when_found()
    {
        var (code, lines, err) = await RunAsync("""
            {"id":"q1","text":"Lumen Health: auditors require access logs before June"}
            {"id":7,"text":"这个版本真好用"}
            """);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("q1", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("Lumen Health", first.RootElement.GetProperty("customer").GetString());
        Assert.Equal("need", first.RootElement.GetProperty("motive").GetString());
        Assert.Equal(JsonValueKind.Array, first.RootElement.GetProperty("tags").ValueKind);

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(7, second.RootElement.GetProperty("id").GetInt32());
        Assert.False(second.RootElement.TryGetProperty("customer", out _));
        Assert.Equal(["id", "tags", "motive"], second.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Bad_lines_are_skipped_with_a_message_on_stderr_and_exit_code_1()
    {
        var (code, lines, err) = await RunAsync("not json\n\n{\"id\":\"ok\",\"text\":\"fine\"}\n{\"id\":\"x\"}\n");

        Assert.Equal(1, code);
        Assert.Single(lines);
        Assert.Contains("line 1", err, StringComparison.Ordinal);
        Assert.Contains("line 4", err, StringComparison.Ordinal);
    }
}
