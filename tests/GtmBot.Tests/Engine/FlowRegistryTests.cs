using GtmBot.Engine;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Engine;

public class FlowRegistryTests
{
    private sealed class NamedFlow(string id, params string[] commands) : IFlow
    {
        public string Id => id;

        public IReadOnlyList<string> Commands => commands;

        public Localized Help => new("h", "h");

        public Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public void Duplicate_flow_ids_throw_at_startup()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new FlowRegistry([new NamedFlow("a", "x"), new NamedFlow("a", "y")]));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_or_reserved_commands_throw_at_startup()
    {
        Assert.Throws<InvalidOperationException>(() => new FlowRegistry([new NamedFlow("a", "x"), new NamedFlow("b", "x")]));
        Assert.Throws<InvalidOperationException>(() => new FlowRegistry([new NamedFlow("a", "help")]));
    }

    [Fact]
    public void Actions_route_by_the_flow_id_prefix()
    {
        var flow = new NamedFlow("canvas", "canvas");
        var registry = new FlowRegistry([flow]);
        Assert.Same(flow, registry.ForAction("canvas.edit"));
        Assert.Null(registry.ForAction("nobody.edit"));
        Assert.Null(registry.ForAction("canvas"));
    }

    [Theory]
    [InlineData("/gtm canvas history", "canvas", "history")]
    [InlineData("canvas", "canvas", "")]
    [InlineData("  /gtm   WHY   sales can't find notes ", "why", "sales can't find notes")]
    [InlineData("/gtm", "", "")]
    [InlineData("gtm　lang zh", "lang", "zh")]
    public void Commands_split_into_word_and_arguments(string text, string command, string args)
    {
        Assert.Equal((command, args), ConversationEngine.SplitCommand(text));
    }
}
