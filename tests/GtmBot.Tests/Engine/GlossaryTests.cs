using System.Reflection;
using System.Text.RegularExpressions;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Engine;

public sealed partial class GlossaryTests
{
    private static IEnumerable<(string Name, Localized Text)> EngineStrings() =>
        typeof(Localized).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Localized).Namespace && t.IsClass)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(Localized))
                .Select(f => ($"{t.Name}.{f.Name}", (Localized)f.GetValue(null)!)));

    [Fact]
    public void Engine_strings_are_found() => Assert.True(EngineStrings().Count() > 100);

    [Fact]
    public void Chinese_strings_use_the_glossary_terms()
    {
        foreach (var (name, text) in EngineStrings())
        {
            foreach (var (avoid, use) in Glossary.AvoidInChinese)
            {
                Assert.False(text.Zh.Contains(avoid, StringComparison.Ordinal), $"{name} says {avoid}; the glossary says {use}: {text.Zh}");
            }

            Assert.False(BareShangShi().IsMatch(text.Zh), $"{name} says 上市 alone (reads as an IPO); write 产品上市: {text.Zh}");
        }
    }

    [Fact]
    public void Quote_and_canvas_and_drill_name_need_and_want_alike()
    {
        Assert.Equal(Glossary.Need.Zh, QuoteStrings.MotiveNeed.Zh);
        Assert.Equal(Glossary.Want.Zh, QuoteStrings.MotiveWant.Zh);
        Assert.StartsWith(Glossary.Need.Zh, CanvasStrings.MotiveName(GtmBot.Engine.Tagging.Motive.Need).Zh, StringComparison.Ordinal);
        Assert.Equal(Glossary.Need.Zh, FiveWhysStrings.NeedButton.Zh);
    }

    [Theory]
    [InlineData(Lang.En, "Who, Why, How")]
    [InlineData(Lang.Zh, "Who、Why、How")]
    public void Lists_are_joined_as_each_language_writes_them(Lang lang, string expected) =>
        Assert.Equal(expected, Glossary.List(lang, ["Who", "Why", "How"]));

    [GeneratedRegex("(?<!产品)上市")]
    private static partial Regex BareShangShi();
}
