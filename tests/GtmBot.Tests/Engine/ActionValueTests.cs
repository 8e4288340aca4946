using GtmBot.Engine;

namespace GtmBot.Tests.Engine;

public class ActionValueTests
{
    [Theory]
    [InlineData(new[] { "42", "pain" }, "42|pain")]
    [InlineData(new[] { "a|b", "c\\d" }, "a\\|b|c\\\\d")]
    [InlineData(new[] { "", "x" }, "|x")]
    [InlineData(new[] { "中文|值" }, "中文\\|值")]
    public void Parts_round_trip_whatever_they_hold(string[] parts, string encoded)
    {
        Assert.Equal(encoded, ActionValue.Join(parts));
        Assert.Equal(parts, ActionValue.Split(encoded));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("42", false)]
    [InlineData("42|", false)]
    [InlineData("|x", false)]
    [InlineData("42|x|y", false)]
    [InlineData("42|x", true)]
    public void Two_parts_are_read_only_when_both_are_there(string? value, bool ok)
    {
        Assert.Equal(ok, ActionValue.TrySplit(value, out var first, out var second));
        if (ok)
        {
            Assert.Equal(("42", "x"), (first, second));
        }
    }

    [Theory]
    [InlineData("12|Why|3", new[] { "12", "Why", "3" })]
    [InlineData("12:Why:3", new[] { "12", "Why", "3" })] // a card posted before the codec
    [InlineData("12", new[] { "12" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void Id_values_are_read_in_the_codec_and_in_the_old_colon_form(string? value, string[] parts)
    {
        Assert.Equal(parts, ActionValue.SplitIds(value));
    }

    [Fact]
    public void Ids_numbers_and_names_are_joined_in_the_invariant_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
        try
        {
            Assert.Equal("1234567|Done|-3", ActionValue.Join(1234567L, GtmBot.Engine.Ports.ChecklistStatus.Done, -3));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
