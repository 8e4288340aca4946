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

    [Fact]
    public void Ticket_cells_split_on_middle_dots_and_full_width_bars()
    {
        const string tickets = """
            #771 · Rosa Diaz (Fresno) · The route sheet prints blank on the Zebra printer.
            工单 88120｜孙丽（成都）｜指纹老是识别失败。
            """;
        Assert.Equal(["Rosa Diaz (Fresno)", "孙丽（成都）"], Customers(tickets));
    }

    [Fact]
    public void A_rating_or_a_chat_time_in_the_prefix_is_not_part_of_the_name()
    {
        const string lines = """
            豆豆妈 ★★☆☆☆：续费前不提醒。
            豆豆妈 ★☆☆☆☆：又扣费了。
            Ken Ito (Hilltop Dairy) 9:05 AM: the scale import failed again.
            [2025-04-01 14:02] Ana Ruiz <ana@brightmills.com> (Bright Mills): invoices arrive twice.
            """;
        Assert.Equal(["豆豆妈", "豆豆妈", "Hilltop Dairy", "Bright Mills"], Customers(lines));
    }

    [Fact]
    public void Our_own_teams_replies_are_not_feedback()
    {
        const string chat = """
            Lee Park (Quarry Labs) 2:10 PM: exports time out after 30 seconds.
            Jo (our CSM) 2:12 PM: looking into it now.
            美玲（我們客服）：已經幫您重新同步。
            """;
        Assert.Equal(["Quarry Labs"], Customers(chat));
        Assert.Equal(3, FeedbackDocument.Parse(chat).Count);
    }

    [Fact]
    public void Bold_account_names_and_dated_headers_name_the_company()
    {
        const string notes = """
            # Account check-ins — 会议纪要 (week 9)

            - **Larchmont Foods** — the label printer drops the lot number.
            - **云杉物流**：回单照片经常丢。

            ## Wed 4/9 — Tarn Mobility ##
            - wants offline maps
            === 4/10 北岭药业（追加）===
            - 追加：批号打印还是不对。
            """;
        Assert.Equal(["Larchmont Foods", "云杉物流", "Tarn Mobility", "北岭药业"], Customers(notes));
    }

    [Fact]
    public void A_reviewer_line_names_who_wrote_the_lines_below_it()
    {
        const string reviews = """
            Reviewer: Priya S., Ops Lead, Mid-Market
            What do you dislike? The sync stops every weekend.
            Update after 1 month: still stops.

            Reviewer: Dan K., Owner, Small-Business
            Cons: pricing page is confusing.
            """;
        Assert.Equal(["Priya S.", "Priya S.", "Dan K."], Customers(reviews));
    }

    [Fact]
    public void A_line_that_signs_itself_and_a_department_in_a_signature_give_the_company()
    {
        const string forwarded = """
            > 报销单提交后看不到进度。 —— 陈静 / 远川制药
            ---------- 转发邮件 ----------
            主题：几点意见
            1. 发票抬头识别经常错。
            —— 王磊 / 海岳物流 财务部
            """;
        var lines = FeedbackDocument.Parse(forwarded).Where(l => l.IsFeedback).ToList();
        Assert.Equal("远川制药", lines[0].Customer);
        Assert.Equal("报销单提交后看不到进度。", lines[0].Body);
        Assert.Equal("海岳物流", lines[^1].Customer);
        Assert.DoesNotContain(lines, l => l.Customer is "转发邮件" or "主题");
    }

    [Fact]
    public void Action_items_our_notes_and_a_title_built_of_parts_are_not_feedback()
    {
        const string paste = """
            Fernway — ticket export — week 12
            #1 · Ola Berg (Oslo) · The label printer skips every other order.
            #2 · Mia (Fernway Support) · Thanks Ola, escalated.
            #3 · Kai Moe (Bergen) · Action: none needed, printer fixed itself.
            - **Action item (Jo)**: call Ola back on Friday.

            Notes from CS (not customer data):
            - ask the hardware team about the firmware
            待办：
            - 周五前回复
            """;
        var feedback = FeedbackDocument.Parse(paste).Where(l => l.IsFeedback).ToList();
        Assert.Equal(["Ola Berg (Oslo)"], feedback.Select(l => l.Customer));
    }

    [Fact]
    public void A_csv_row_from_our_own_team_is_not_feedback()
    {
        const string csv = """
            date,account,comment
            2025-05-01,Elm Street Deli,"Receipts print twice, every order"
            2025-05-02,internal,"Follow up with Elm Street on the printer"
            2025-05-02,Our support team,"Sent the driver update"
            """;
        Assert.Equal(["Elm Street Deli"], Customers(csv));
    }

    [Fact]
    public void A_ticket_csv_with_a_requester_and_a_city_names_the_person_in_the_city()
    {
        const string csv = """
            id,created,requester,city,status,message
            T-1,2026-01-02,Lina Berg,Malmö,open,"Welcome e-mails land in spam"
            T-2,2026-01-03,陈晨,苏州,open,"电子签状态一直不更新"
            """;
        Assert.Equal(["Lina Berg (Malmö)", "陈晨 (苏州)"], Customers(csv));
    }

    [Fact]
    public void Scores_issue_keys_square_brackets_and_mail_headers_are_read_for_the_company()
    {
        const string lines = """
            Score 4 — Ravi K. (Tidewell Foods): exports to Sage fail every Monday.
            OPS-4411 | Lumen Freight | the map freezes on tablets
            [03-02 10:15] 李强【顺远物流】：结算又晚了两周。
            └ @晴天小猪：同款问题，重启才好。
            └ @暖居官方：已私信您。
            ===== 发件人：陈芳｜北辰实验小学 财务室｜3月2日 =====
            家长缴费后后台显示未缴。
            """;
        Assert.Equal(["Tidewell Foods", "Lumen Freight", "顺远物流", "@晴天小猪", "北辰实验小学"], Customers(lines));
    }
    [Fact]
    public void Block_headers_say_whose_lines_follow_until_a_blank_line()
    {
        const string paste = """
            Voicemails, week 44

            [VM 10/02 09:10] Caller: Omar Haddad, Austin TX
            "The hub drops off the network every night."
            Agent note: asked him to move it closer to the router.

            > From Dr. Mia Chen, Lakeview Family Clinic (follow-up):
            >> Exports still cut off after 500 rows.
            >
            m***2 | 2026-10-01 | ★★☆☆☆
            电池一天就没电了。
            【青松物流】
            对接人：运营经理 周强
            - 签收照片传不上去。

            A line after the blocks names nobody.
            """;
        Assert.Equal(["Omar Haddad", "Lakeview Family Clinic", "m***2", "青松物流", null], Customers(paste));
    }

    [Fact]
    public void A_person_the_paste_ties_to_a_company_counts_for_it_wherever_they_appear_alone()
    {
        const string paste = """
            Forwarded customer mail

            寄件者：李娜 <lina@example.com>　主旨：发票问题
            电子发票上传失败，会计很着急。
            李娜｜蓝湾酒店 运营经理｜021-5555-0101

            张伟（远山家具）：盘点数量对不上。
            张伟：调拨以后库存要半天才更新。
            09:12	林姐（青禾早餐）	外卖单要手动再打一次。
            """;
        Assert.Equal(["蓝湾酒店", "远山家具", "远山家具", "青禾早餐"], Customers(paste));
    }

    [Fact]
    public void Colleagues_passing_feedback_on_count_for_the_customer_they_name()
    {
        const string chat = """
            #voice-of-customer export

            [Mon 09:12] Sam Reed: heard from Ana at Birchwood Labs: "builds take 35–40 minutes, people lose the thread"
            [Mon 09:14] Sam Reed: she also said their security team wants SSO before rollout
            [Tue 10:02] Sam Reed: call with Tidewater Bank today. They need audit logs for every export.
            [Tue 11:40] Priya Das (Northwind): the dashboard is slow in the mornings
            """;
        var lines = FeedbackDocument.Parse(chat).Where(l => l.IsFeedback).ToList();
        Assert.Equal(["Birchwood Labs", "Birchwood Labs", "Tidewater Bank", "Northwind"], lines.Select(l => l.Customer));
        Assert.DoesNotContain("heard from", lines[0].Body, StringComparison.OrdinalIgnoreCase);
    }
    [Fact]
    public void Speaker_lines_and_ticket_headers_say_who_wrote_the_messages_below_them()
    {
        const string paste = """
            Group chat export

            2026-11-18 09:02:11 客服-小林(800012345)
            各位老板早上好，有问题直接在群里说。
            2026-11-18 09:15:40 杭州-银泰KTV-周老板(274810392)
            分润到现在还没到账。
            #48211 · Requester: Maria Costa (Leeds) · Subject: Slow at night · Priority: High
            [Maria Costa, 20 Nov 08:12] Every evening the line drops to 30 Mb.
            [Agent Tom R., 20 Nov 09:01] Thanks Maria, I have raised it.
            -- end of export (2 tickets) --
            """;
        Assert.Equal(["杭州-银泰KTV-周老板", "Maria Costa"], Customers(paste));
    }
}
