using System.ComponentModel.DataAnnotations;
using GtmBot.Slack;

namespace GtmBot.Tests.Slack;

public sealed class SlackOptionsTests
{
    private static List<string> Errors(SlackOptions o)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(o, new ValidationContext(o), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void Nothing_set_is_valid_and_everything_is_off()
    {
        var o = new SlackOptions();
        Assert.Empty(Errors(o));
        Assert.False(o.HttpEnabled);
        Assert.False(o.SocketModeEnabled);
        Assert.False(o.OAuthEnabled);
        Assert.Equal("https://slack.com/api/", o.ApiBaseUrl);
        Assert.Equal("speech_balloon", o.QuoteReaction);
    }

    [Theory]
    [InlineData(nameof(SlackOptions.BotToken), "xapp-1")]
    [InlineData(nameof(SlackOptions.AppToken), "xoxb-1")]
    [InlineData(nameof(SlackOptions.TokenEncryptionKey), "c2hvcnQ=")]
    [InlineData(nameof(SlackOptions.ApiBaseUrl), "ftp://slack.com/api/")]
    [InlineData(nameof(SlackOptions.ApiBaseUrl), "https://slack.com/api")]
    [InlineData(nameof(SlackOptions.QuoteReaction), ":speech_balloon:")]
    public void Wrong_setting_is_refused_at_start(string property, string value)
    {
        var o = new SlackOptions();
        typeof(SlackOptions).GetProperty(property)!.SetValue(o, value);
        Assert.Contains(Errors(o), e => e.Contains(property, StringComparison.Ordinal));
    }

    [Fact]
    public void Client_id_without_secret_is_refused() =>
        Assert.NotEmpty(Errors(new SlackOptions { ClientId = "1.2" }));
}
