using GtmBot.Engine.Needs;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Engine.Needs;

public sealed class NeedStatusMachineTests
{
    [Theory]
    [InlineData(NeedStatus.New, NeedStatus.UnderReview)]
    [InlineData(NeedStatus.UnderReview, NeedStatus.Planned)]
    [InlineData(NeedStatus.Planned, NeedStatus.InProgress)]
    [InlineData(NeedStatus.InProgress, NeedStatus.Shipped)]
    [InlineData(NeedStatus.Planned, NeedStatus.UnderReview)]
    [InlineData(NeedStatus.InProgress, NeedStatus.Planned)]
    [InlineData(NeedStatus.New, NeedStatus.WontDo)]
    [InlineData(NeedStatus.InProgress, NeedStatus.WontDo)]
    [InlineData(NeedStatus.WontDo, NeedStatus.UnderReview)]
    public void Legal_moves_are_allowed(NeedStatus from, NeedStatus to) => Assert.True(NeedStatusMachine.CanMove(from, to));

    [Theory]
    [InlineData(NeedStatus.Shipped, NeedStatus.New)]
    [InlineData(NeedStatus.Shipped, NeedStatus.WontDo)]
    [InlineData(NeedStatus.Shipped, NeedStatus.InProgress)]
    [InlineData(NeedStatus.New, NeedStatus.Shipped)]
    [InlineData(NeedStatus.New, NeedStatus.InProgress)]
    [InlineData(NeedStatus.UnderReview, NeedStatus.New)]
    [InlineData(NeedStatus.WontDo, NeedStatus.Shipped)]
    [InlineData(NeedStatus.Planned, NeedStatus.Planned)]
    public void Illegal_moves_are_refused(NeedStatus from, NeedStatus to) => Assert.False(NeedStatusMachine.CanMove(from, to));

    [Fact]
    public void Shipped_is_final_and_every_other_status_has_a_way_on()
    {
        Assert.Empty(NeedStatusMachine.Next(NeedStatus.Shipped));
        Assert.All(Enum.GetValues<NeedStatus>().Where(s => s != NeedStatus.Shipped), s => Assert.NotEmpty(NeedStatusMachine.Next(s)));
    }

    [Fact]
    public void Only_wont_do_needs_a_reason() =>
        Assert.Equal([NeedStatus.WontDo], Enum.GetValues<NeedStatus>().Where(NeedStatusMachine.NeedsReason));

    [Theory]
    [InlineData("under review", NeedStatus.UnderReview)]
    [InlineData("Under-Review", NeedStatus.UnderReview)]
    [InlineData("评估中", NeedStatus.UnderReview)]
    [InlineData("planned", NeedStatus.Planned)]
    [InlineData("已排期", NeedStatus.Planned)]
    [InlineData("in progress", NeedStatus.InProgress)]
    [InlineData("开发中", NeedStatus.InProgress)]
    [InlineData("shipped", NeedStatus.Shipped)]
    [InlineData("已发布", NeedStatus.Shipped)]
    [InlineData("won't do", NeedStatus.WontDo)]
    [InlineData("wontdo", NeedStatus.WontDo)]
    [InlineData("不做", NeedStatus.WontDo)]
    [InlineData("new", NeedStatus.New)]
    [InlineData("新建", NeedStatus.New)]
    public void Status_names_are_read_in_english_and_chinese(string words, NeedStatus expected) => Assert.Equal(expected, NeedStrings.ParseStatus(words));

    [Theory]
    [InlineData("later")]
    [InlineData("")]
    [InlineData("plannedq3")]
    public void Unknown_status_words_are_not_read(string words) => Assert.Null(NeedStrings.ParseStatus(words));

    [Fact]
    public void Every_status_name_reads_back_as_its_status_in_both_languages()
    {
        foreach (var status in Enum.GetValues<NeedStatus>())
        {
            Assert.Equal(status, NeedStrings.ParseStatus(NeedStrings.Status(status).En));
            Assert.Equal(status, NeedStrings.ParseStatus(NeedStrings.Status(status).Zh));
        }
    }
}
