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
}
