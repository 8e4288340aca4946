using GtmBot.Engine.Summaries;

namespace GtmBot.Tests.Themes;

/// <summary>Who said each line of pasted feedback.</summary>
public sealed class FeedbackAttributionTests
{
    private static string?[] Customers(string text) =>
        [.. FeedbackDocument.Parse(text).Where(l => l.IsFeedback).Select(l => l.Customer)];

    [Fact]
    public void Section_headers_name_the_company_not_the_day_or_the_kind_of_note()
    {
        const string notes = """
            == Mon — Brinkley Home Goods ==
            - sync is late
            ## Call: Acme
            - exports fail
            ## 禾丰超市 — 数据部 Leo
            - 数据延迟
            """;
        Assert.Equal(["Brinkley Home Goods", "Acme", "禾丰超市"], Customers(notes));
    }

    [Fact]
    public void Prefixes_name_the_company_behind_a_person_a_region_or_a_respondent_id()
    {
        const string lines = """
            Dana (Acme): the export is slow
            Kiwi Learning (SG): we need row-level security
            R07 (Bramble Health): SSO please
            [Survey] Initech: the API is hard to use
            王经理（海川科技）：备份不够
            Globex (VP Ops): reports are late
            03-02 厦门鹭岛烘焙（王店长）：结账卡顿
            Brightwater Hotels - Priya: payroll file rejected
            Brightwater Hotels - Femi: shift swaps on the phone
            """;
        Assert.Equal(["Acme", "Kiwi Learning", "Bramble Health", "Initech", "海川科技", "Globex", "厦门鹭岛烘焙", "Brightwater Hotels", "Brightwater Hotels"], Customers(lines));
    }

    [Fact]
    public void A_csv_paste_reads_the_customer_column_and_the_comment_column()
    {
        const string csv = """
            date,account,rating,comment
            2025-03-01,Glow Lab Salon,3,"Reminder texts, please: no-shows cost us, a lot"
            2025-03-02,,4,Anonymous wish for dark mode
            2025-03-02,Riverside Physio,2,Calendar is slow, really slow
            """;
        var lines = FeedbackDocument.Parse(csv).Where(l => l.IsFeedback).ToList();
        Assert.Equal(["Glow Lab Salon", null, "Riverside Physio"], lines.Select(l => l.Customer));
        Assert.Equal("Reminder texts, please: no-shows cost us, a lot", lines[0].Body);
        Assert.Equal("Calendar is slow, really slow", lines[2].Body);
    }

    [Fact]
    public void A_signature_signs_the_paragraph_above_it()
    {
        const string mail = """
            The iPad layout is broken.
            Homework pushes arrive a day late.
            —— 孙老师，明德实验小学

            Push notifications are unreliable on Android.
            — Mr. Lim, Eastbrook International School

            Unsigned note about exports.
            """;
        Assert.Equal(["明德实验小学", "明德实验小学", "Eastbrook International School", null], Customers(mail));
    }
}
