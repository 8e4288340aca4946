using GtmBot.Slack.Inbound;
using GtmBot.Slack.OAuth;
using YamlDotNet.RepresentationModel;

namespace GtmBot.Tests.Slack;

/// <summary>The app manifest and the code agree: command, shortcut, events and scopes.</summary>
public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Root = Load();

    private static YamlMappingNode Load()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "GtmBot.sln")))
        {
            repo = repo.Parent!;
        }

        var yaml = new YamlStream();
        using var reader = File.OpenText(Path.Combine(repo.FullName, "manifests", "slack", "manifest.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(params string[] path) => path.Aggregate((YamlNode)Root, (n, k) => ((YamlMappingNode)n)[k]);

    private static IEnumerable<string> Scalars(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!);

    [Fact]
    public void Manifest_declares_the_gtm_command() =>
        Assert.Contains("/gtm", ((YamlSequenceNode)At("features", "slash_commands")).Children.Select(c => ((YamlScalarNode)((YamlMappingNode)c)["command"]).Value));

    [Fact]
    public void Manifest_shortcut_uses_the_callback_id_the_code_handles()
    {
        var shortcut = (YamlMappingNode)((YamlSequenceNode)At("features", "shortcuts")).Children.Single();
        Assert.Equal(SlackTurnMapper.QuoteShortcutCallbackId, ((YamlScalarNode)shortcut["callback_id"]).Value);
        Assert.Equal("message", ((YamlScalarNode)shortcut["type"]).Value);
        Assert.True(((YamlScalarNode)shortcut["name"]).Value!.Length <= 24);
    }

    [Fact]
    public void Manifest_subscribes_to_the_events_the_code_handles() =>
        Assert.Equal(["app_mention", "app_uninstalled", "reaction_added", "tokens_revoked"], Scalars(At("settings", "event_subscriptions", "bot_events")).Order());

    [Fact]
    public void Manifest_scopes_match_the_oauth_install_scopes() =>
        Assert.Equal(SlackOAuthEndpoints.BotScopes.Order(), Scalars(At("oauth_config", "scopes", "bot")).Order());

    [Fact]
    public void Manifest_enables_socket_mode_and_interactivity()
    {
        Assert.Equal("true", ((YamlScalarNode)At("settings", "socket_mode_enabled")).Value);
        Assert.Equal("true", ((YamlScalarNode)At("settings", "interactivity", "is_enabled")).Value);
    }
}
