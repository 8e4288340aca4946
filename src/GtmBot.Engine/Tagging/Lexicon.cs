namespace GtmBot.Engine.Tagging;

/// <summary>What a lexicon phrase signals. Tag cues raise a tag; the others qualify cues near them.</summary>
internal enum Cue
{
    /// <summary>A current problem: defects, manual work, delays, losses, exposure.</summary>
    Pain,

    /// <summary>A concrete situation: when or where the work happens.</summary>
    Situation,

    /// <summary>Who does the work (a role). Scenario needs a role plus a task, or a situation.</summary>
    Role,

    /// <summary>A task or job being done.</summary>
    Task,

    /// <summary>An explicit ask for a capability or change.</summary>
    Ask,

    /// <summary>A polite question form that is an ask only when the quote also states a problem or a wish.</summary>
    SoftAsk,

    /// <summary>A bare availability question ("is there…?"): no tag on its own.</summary>
    BareQuestion,

    /// <summary>A capability noun: with a need word it makes an ask (on-prem, SSO, audit log, retention).</summary>
    Capability,

    /// <summary>A must-have word that turns a capability into an ask.</summary>
    Must,

    /// <summary>A reason not to buy, renew or roll out.</summary>
    Objection,

    /// <summary>Money the customer pays us: price, budget, discount, licence, ROI.</summary>
    Pricing,

    /// <summary>A named competitor or an alternative way of doing the job.</summary>
    Competitor,

    /// <summary>A product that is a competitor only when compared (otherwise an integration target or a device).</summary>
    MaybeCompetitor,

    /// <summary>A comparison word (than, 比, compared to, switched from).</summary>
    Compare,

    /// <summary>Integration wording: names in the same clause are integration targets, not competitors.</summary>
    Integration,

    /// <summary>Positive feedback.</summary>
    Praise,

    /// <summary>Leaving, not renewing, downgrading, evaluating a replacement.</summary>
    Churn,

    /// <summary>Words of a sarcastic quote ("yeah sure", "谢谢你们的").</summary>
    Sarcasm,

    /// <summary>Words that make a short emphasised or quoted span ironic ('smart', *love*).</summary>
    Quality,

    /// <summary>An objective driver: law, regulator, audit, boss or HQ, deadline, budget rule, core job failing.</summary>
    NeedStrong,

    /// <summary>A weaker objective driver.</summary>
    Need,

    /// <summary>A subjective driver: nicer, easier, faster, looks, feeling, value for money.</summary>
    Want,

    /// <summary>Denies a concern in its clause ("not a problem for us", "没有顾虑"): no objection, pain or churn there.</summary>
    DenyConcern,

    /// <summary>Denies churn anywhere in the quote ("肯定会续", "不打算换").</summary>
    DenyChurn,

    /// <summary>Praise in this clause is about a competitor, a demo or a condition, not about us.</summary>
    NotPraise,

    /// <summary>Asks in this clause are commercial terms or approvals, not capabilities.</summary>
    NotAsk,

    /// <summary>The problem in this clause is solved or in the past.</summary>
    Solved,

    /// <summary>A hurdle in buying from us (questionnaire, tender): the quote's delays are an objection, not pain.</summary>
    BuyingHurdle,

    /// <summary>Commercial haggling without a constraint (want).</summary>
    Haggle,

    /// <summary>An English negator: negates the cue that follows within a few words.</summary>
    NegEn,
}

/// <summary>
/// The bilingual lexicons of the quote tagger (English, Simplified Chinese; Traditional is folded to Simplified first, see <see cref="PhraseMatcher"/>).
/// Phrases are lower case; Latin phrases match whole words and a trailing <c>*</c> matches a word prefix. The lists follow
/// the taxonomy's definitions (see the tag descriptions in <see cref="QuoteTags"/>), not any particular quotes.
/// </summary>
internal static class Lexicon
{
    /// <summary>All phrases with their cue.</summary>
    public static IEnumerable<(string Phrase, Cue Cue)> Entries()
    {
        foreach (var (cue, list) in Lists)
        {
            foreach (var phrase in list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (phrase, cue);
            }
        }
    }

    private static readonly (Cue Cue, string Phrases)[] Lists =
    [
        (Cue.Pain,
            "wiped|erased|deleted all|清空|丢数据|manual*|by hand|copy paste|copy-paste|copying|re-enter*|re-add*|retype|double entry|takes forever|takes ages|takes hours|takes days|takes a day|spends about|spend hours|spends hours|hours a week|hours every|" +
            "broke|broken|breaks|crash*|freez*|keeps failing|fails|failing|failed|fail to|error*|bug|bugs|buggy|glitch*|slow|slower|sluggish|lag|lags|laggy|timing out|times out|timed out|time out|" +
            "lost|lose|losing|loses|never went out|went missing|missing|misses|missed|duplicate*|wrong|stale|out of date|outdated|out of stock|runs out|" +
            "frustrat*|annoy*|painful|pain point|nightmare|headache|struggl*|hard to find|can't find|cannot find|nobody can|can't tell|can't show|cannot show|can't see|unable to|doesn't work|does not work|won't work|not working|stopped working|" +
            "dripping|drips|leak*|back-ordered|backordered|waste*|wasting|overtime|delay*|late|behind schedule|bottleneck|tedious|clunky|confusing|cumbersome|" +
            "flagged|exposure|fined|penalt*|buried|scattered|on paper again|again|all over again|keep asking|keeps asking|keeps timing|drains|battery dies|dies|overheat*|" +
            "clicks|too many clicks|too many steps|to load|slow to load|load time|" +
            "手动|手工|人工|加班|耗掉|耗费|浪费|费时|费劲|太慢|很慢|好慢|慢死|卡死|卡顿|很卡|太卡|卡住|卡了|崩溃|闪退|挂了|死机|失败|出错|报错|从头|麻烦|头疼|头痛|焦虑|丢人|太老|过时|看不清|点不准|" +
            "溅|弹出|广告|气死|被气|吵醒|停机|意见很大|抵触|多了一道|才更新|延迟|滞后|只能回家|再录一遍|重新录|补录|没法|根本没法|无法|用不了|不好用|难用|两充|充两次|续航|掉电|耗电|发热|漏水|漏|坏了|损坏|丢失|丢了|" +
            "痛点|累死|烦|吐槽|投诉|抱怨|拼成|导数据|对不上|错漏|漏单|重复录入|对账要|天天加班|经常|总是|老是|又挂|又崩|又卡|找不到|维修费|修理费|罚款|风险|隐患|被查|查出|"),
        (Cue.Situation,
            "every monday|every tuesday|every wednesday|every thursday|every friday|every morning|every evening|every night|every week|every month|each morning|each week|end of the month|month-end|month end|at the end of each|" +
            "before they|before leaving|before they leave|before they head|when they|while they|on the road|on the go|in the field|on site|on-site|at reception|at the front desk|in the vans|in the van|in the truck|at the dock|in the warehouse|on the shop floor|in the clinic|on the ward|at the counter|at night|" +
            "on their phones|on a phone|on an ipad|on shared|on the floor|at 7|at 6|at 8|head out|during the|" +
            "的时候|时候|每天早上|每天晚上|开店前|下班前|上班前|月底|每个月|每月|每周|每次拜访|拜访完|在车上|车上|在外面|跑客户|客户现场|在现场|现场|出差|开会|店里|门店|仓库|店长|" +
            "课前|课上|课后|每节课|上课|下课|会前|会后|高峰期|周末|节假日|深夜|凌晨|早上|晚上|路上|夜班|值班|巡店|巡检|盘点|拣货|收银|前台|病房|工地|车间|"),
        (Cue.Role,
            "reps|rep|drivers|driver|nurses|nurse|technicians|techs|staff|front desk|ops lead|operations|designers|designer|engineers|agents|accountants|accountant|managers|manager|interns|intern|" +
            "team|teams|field team|sales team|admins|admin|doctors|teachers|students|clerks|pickers|cashiers|dispatchers|wife|husband|my mom|customers|patients|warehouse|guys|" +
            "销售|店长|拣货员|老师傅|店员|员工|司机|护士|医生|老师|财务|会计|区域经理|经理|运营|客服|师傅|工人|仓管|采购员|业务员|一线|设计师|工程师|老板|"),
        (Cue.Task,
            "log calls|log the|log their|logs|chart|charting|check in|check inventory|count|counting|schedule|scheduling|dispatch|deliver*|delivery note|invoice*|report|reporting|reconcil*|export|" +
            "copying|track|tracking|pick|picking|scan|scanning|sign|snap|upload|visit|visits|inspect*|approve|approval|book|booking|plan|quote|quotes|mockups|pasting|send it|send|submit|follow up|onboard|train|" +
            "see tomorrow|see the|look up|find|search|review|close the books|payroll|uses it|use it to|to log|" +
            "记客户|录入|拜访|对账|盘点|拣货|报销|审批|看销售|看库存|看数据|管库存|记账|开单|下单|排班|巡店|导数据|报表|点名|签到|拍照|扫码|签收|追溯|投屏|打卡|培训|记录|提交|补录|查|"),
        (Cue.Ask,
            "can you|would you|if you had|if you supported|if you offered|can you add|could you add|please add|add a|add an|add support|need a way|we need|i need|they need|we'd need|would need|need to be able|need to see|need to view|need to access|need to check|need to scan|need to snap|need to upload|need to know|need per-user|needs to|need the|need it to|" +
            "would be nice|would be great|would love|we'd love|wish|hoping for|looking for a|asking for|keep asking for|make it|let us|allow us|give us|support for|should support|must support|has to support|" +
            "if you could|could you|we'd pay extra|would pay extra|pay extra for|integration|integrate with|sync with|export to|an option to|a setting|a toggle|fix the|to stop failing|" +
            "能不能|能否|可不可以|可否|是否可以|希望|能加|加个|加一个|加上|出个|出一个|增加|新增|支持一下|最好能|是要能|要能和|要能跟|要能支持|要能对接|要能打通|需要|必须能|必须解决|需要解决|尽快解决|must fix|need this fixed|想要一个|要是能|如果能|能支持|建议|求求|跪求|恳求|求加|盼"),
        (Cue.SoftAsk, "can the|can it|can we get the|could the|is it possible|any chance|有没有可能|可以吗"),
        (Cue.BareQuestion, "is there|are there|do you have|does it|does your|can your|do you support|do you offer|有没有|是否有|支持吗|有吗"),
        (Cue.Capability,
            "sso|saml|scim|on-prem|on-premise*|self-host*|eu hosting|eu data|in-country|data residency|audit log*|access log*|retention|encryption|2fa|mfa|api|sla|" +
            "境内|本地部署|私有化|服务器|海外云|审计日志|日志|保留|权限|加密|单点登录|接口|"),
        (Cue.Must, "requires|required|require|must|mandatory|need|needs|必须|一定要|要求|不接受|只能用"),
        (Cue.Objection,
            "security review|security questionnaire|security team|infosec|vendor review|pen test|compliance|compliant|certification|certified|soc 2|soc2|iso 27001|hipaa|gdpr|data residency|" +
            "approval|sign-off|signoff|board sign|board approval|procurement|tender|rfp|budget freeze|budget is frozen|budget is already locked|already locked|locked|frozen|" +
            "too expensive|expensive|pricey|overpriced|hard to justify|can't justify|cannot justify|not worth|cost too much|costs too much|out of our budget|over budget|" +
            "switching cost|migration|migrate|moving|move everything|hassle|is attached to|are attached to|so attached to|attached to our|attached to their|retrain|retraining|resist*|pushback|push back|no capacity|no bandwidth|it capacity|" +
            "dealbreaker|deal breaker|deal-breaker|blocker|blocking|showstopper|no purchase|no po|won't sign|will not sign|can't sign|before we sign|otherwise|or else|unless|" +
            "match it|roi|case study|other bids|other quotes|not this quarter|until next year|next fiscal|not this year|on hold|pass our|get through|take upstairs|row limit|limit on|going to bite|" +
            "already does this|already do this|good enough|" +
            "不可能|不接受|过不了|不会签|不签|签字|审批|审核|采购流程|流程已经|卡了|问卷|合规|安全审查|等保|资质|认证|管理员权限|数据安全|安全|顾虑|担心|担忧|不放心|" +
            "太贵|偏贵|贵了|超预算|没预算|预算只能|只能给到|预算砍|预算有限|预算紧|预算不够|预算冻结|批下来|要等|不然|否则|强制|抵触|迁移|切换成本|学习成本|也能做|为什么要再买|再买一个|已经有了|够用了|没必要"),
        (Cue.Pricing,
            "price*|pricing|priced|cost|costs|costly|budget*|discount*|licen*|per seat|per-seat|/seat|a seat|seats|per user|per-user pricing|per month|per year|annual plan|" +
            "starter plan|basic plan|pro plan|free plan|enterprise plan|premium plan|paid plan|business plan|team plan|tier|tiers|edition|upgrade fee|renewal quote|quote went|quoted|" +
            "roi|payback|pay back|pay extra|pay for|paying|we pay|expensive|cheap|cheaper|cheapest|pricey|overpriced|affordable|fee|fees|usd|rmb|" +
            "价格|价钱|价位|报价|预算|折扣|打折|几折|优惠|贵|便宜|费用|收费|年付|月付|回本|投资回报|钱|花掉|付费|付钱|版本费|维修费|修理费|单价|席位|账号费|个账号|个帐号|license|订阅费|性价比|降价|涨价|块钱"),
        (Cue.Competitor,
            "salesforce|hubspot|zendesk|freshdesk|intercom|pipedrive|zoho|dynamics|microsoft dynamics|linear|asana|trello|monday.com|clickup|airtable|confluence|evernote|power bi|tableau|looker|qlik|" +
            "servicenow|workday|quickbooks|xero|netsuite|shopify|peloton|fitbit|garmin|strava|myfitnesspal|mailchimp|marketo|gong|outreach|" +
            "excel|spreadsheet*|google sheets|sheets|csv files|scripts|script|cron|paper|print|printed|clipboard|whiteboard|post-it|sticky notes|wechat group|whatsapp|emailing|by email|over email|via email|emailed|email pdfs|pdfs|text message|texting|text me|text us|texts me|by text|by hand|manually|manual|interns|intern|" +
            "old system|legacy system|previous vendor|last vendor|other vendor|another vendor|competitor*|personal trainer|alternative|our old|" +
            "纷享销客|销售易|飞书|用友|泛微|简道云|明道云|石墨|腾讯文档|有赞|微盟|管家婆|" +
            "表格|excel表|纸质|手写|白板|微信群|qq群|邮件|手动|手工|人工|实习生|老系统|旧系统|上一家|之前那台|之前用的|竞品|友商|别家|其他厂商|对比了|几家|脚本|"),
        (Cue.MaybeCompetitor, "keep|notion|jira|slack|teams|outlook|google|microsoft|sap|oracle|iphone|pixel|samsung|huawei|xiaomi|apple|ipad|android|钉钉|企业微信|金蝶|华为|小米|苹果|三星|google docs|wecom"),
        (Cue.Compare, "than|compared to|compared with|vs|versus|switched from|moved off|moving off|move off|moved from|migrated from|ahead of|better than|worse than|side-by-side|instead of|replace|比|不如|相比|对比|换成|换到|之前那台|之前用|以前用"),
        (Cue.Integration, "integrat*|sync with|syncs with|push to|pull from|connect to|connects to|connector|embed|plug into|import from|export to|打通|对接|集成|同步到|同步|接入|导入到"),
        (Cue.Praise,
            "love*|chose you|went with you|picked you|great|awesome|amazing|fantastic|excellent|impressed|impressive|happy with|really happy|thrilled|delighted|no regrets|gorgeous|beautiful|looks great|nice|nicely|" +
            "tidy|slick|smooth|intuitive|easy to use|works great|worth it|worth every|exactly why|kudos|well done|brilliant|superb|best|solid|reliable|game changer|game-changer|lifesaver|" +
            "picked it up|up and running|saves us|saved us|are what keep|is what keeps|is what makes|are what make|" +
            "漂亮|满意|好评|响应快|回复快|选了你们|选择了你们|赞|👍|🔥|❤|绝了|强。|强,|强!|强了|很强|更强|强多了|强很多|强太多|好太多|好多了|好很多|当天就解决|颜值很高|颜值|值|挺好|都挺好|很好|真好|好用|顺手|丝滑|方便|喜欢|靠谱|专业|快多了|省心|给力|牛|厉害|惊艳|感谢你们|缩短|效率提高|提升了"),
        (Cue.Churn,
            "won't be renewing|not renewing|not going to renew|won't renew|will not renew|not renew|cancel*|downgrad*|cut seats|cutting seats|fewer seats|halve|half the|" +
            "move over|moving over|moving to|switch to|switching to|consolidating|replace you|replacing you|side-by-side|decide on the renewal|re-evaluat*|reevaluat*|" +
            "other bids|two other bids|pull the plug|uninstall*|return the|returning it|leave you|leaving you|churn to|walk away|" +
            "不续|停用|退订|取消订阅|不再续|到期就停|换掉|换个|想换|在看|考虑换|打算换|评估其他|卸载|退货|退掉|砍掉|减少账号|减到|砍到|降到|减少席位|少买|只续|砍预算|预算减半|削减|的一半|砍一半|减一半|降级|流失"),
        (Cue.Sarcasm, "yeah sure|yeah right|oh great|oh good|just great|great job|super helpful|so helpful|very helpful|thanks a lot|thanks for nothing|thanks a bunch|just what we needed|谢谢你们的|真是谢谢|呵呵|好棒棒|真行|可真是|真是太好了"),
        (Cue.Quality, "love|smart|intelligent|real-time|realtime|ai|seamless|instant|helpful|amazing|easy|simple|great|智能|实时|一键|高效|自动|智慧|好用|贴心"),
        (Cue.NeedStrong,
            "law|legal|regulat*|auditor*|audit|compliance|compliant|hipaa|gdpr|sox|mandate*|mandatory|required by|requires|required|corporate|hq|headquarters|board sign*|board approval|board wants|board requires|cfo wants|ceo wants|cfo asked|ceo asked|cfo needs|ceo needs|cfo requires|ceo requires|the cfo|finance|my vp|vp wants|boss wants|boss said|boss says|boss asked|boss told|boss requires|boss needs|" +
            "prescribed|doctor|physio|surgery|medical|医生|医嘱|康复|security review|infosec|vendor security|安全审查|安全评估|信息安全|丢客户|跟着走|deadline|before the|by the end of|before sales kickoff|kickoff|go-live|by q1|by q2|by q3|by q4|next month|by summer|by spring|by year-end|by the end of the year|by end of|by january|by june|by march|by september|fiscal year|budget year|budget is fixed|budget is locked|budget is capped|locked|wiped|deleted|erased|" +
            "never went out|lost|data loss|safety|patient*|security team|procurement|purchase order|sign-off|approval|invoices|payroll|out of stock|can't show|timing out|keeps timing out|dripping|" +
            "药监局|监管|法规|法律|审计|合规|总部|强制|老板说|老板要求|老板要|老板让|拍板|领导要求|领导说|财务|必须|截止|下个月|年底前|今年底|药|安全|采购|签字|拍板|审批|丢失|丢了|丢数据|没法|看不清|点不准|停机|产线|吵醒|对账|过不了|不可能|管理员权限|境内|不然"),
        (Cue.Need, "need|needs|must|have to|has to|can't|cannot|unable|doesn't work|broke|broken|crash*|fails|failed|failing|budget|roi|需要|得要|还得|就得|不得不|不能用|无法|失败|挂了|根本|出错|错了|延迟|才更新|规则"),
        (Cue.Want,
            "would be nice|nice|nicer|nicest|easier|easy|faster|quicker|snappier|snappy|smoother|one click|clicks|fewer clicks|happier|thrilled|we'd love|love to|prefer|preference|pretty|look good|looks good|professional|modern|" +
            "feel|feels|control|convenient|convenience|hassle|attached to|just want|better|too expensive|hard to justify|per seat|site license|pay extra|we'd pay|dark theme|dark mode|cool|fun|annoying|frustrat*|by hand|manually|retype|re-enter*|re-add*|every friday|every week|spent more time|spend more time|more time on|buried|hard to find|can't find|nobody can find|" +
            "好看|丢人|顺手|更好|方便|省事|省时|焦虑|气|颜值|太贵|性价比|专业|掌控|想看看|体验|舒服|爽|快一点|简单|麻烦|一周至少|耗掉|广告|溅|不好|看起来|显得|手动|手工|补录|再录一遍|重新录|重复录入|找不到"),
        (Cue.DenyConcern,
            "not a problem|not an issue|covered everything|already passed|we passed|cleared|is approved|are approved|approved too|got approved|isn't an issue|isn't a problem|isn't the issue|isn't really the issue|is not the issue|not the issue|non-issue|not a concern|not concerned|not worried|no concerns|no problem|no issue|" +
            "signed off|already signed|already approved|we're fine with|fine with|off the table|not a dealbreaker|have the budget|budget we have|budget is there|" +
            "不是问题|没问题|不成问题|没有顾虑|没顾虑|不担心|没意见|没什么大问题|也没什么|也ok|也 ok|也可以接受|可以接受|都ok|不差钱|预算有|有预算|预算可以|预算可以再加"),
        (Cue.DenyChurn, "switch to you|switch over to you|move to you|换成你们|换到你们|肯定会续|会续|一定续|继续用|不打算换|不会换|不换|will renew|we'll renew|happy to renew|not going anywhere|no plans to switch|not switching|not leaving|off the table|staying with"),
        (Cue.NotPraise,
            "of yours|than yours|than you|ahead of|their team|their|they|比你们|他们的|人家|demo|演示|说是|号称|supposedly|claimed|would be|we'd be|would make|if you could|如果|要是|还行|一般|meh|it's fine|fine|ok|okay|还可以|凑合|没什么特别"),
        (Cue.NotAsk,
            "need board|need sign-off|need approval|need a case study|need a discount|need a better price|need a cheaper|need to see roi|need a dedicated|need budget|need to get|need to pass|need two|discount|site license|site licence|sla|price cap|price-increase|dedicated csm|csm|cheaper edition|without ai|" +
            "折扣|打折|几折|优惠|报价|sla|合同|试用|先试用|年付"),
        (Cue.Solved, "last year|used to|no longer|moved off|switched from|we moved|back then|in the past|以前|之前|已经解决|从三天缩短|缩短到|缩短|solved|fixed now|now it's"),
        (Cue.BuyingHurdle, "security questionnaire|questionnaire|procurement process|purchasing process|vendor review|security review|infosec|tender|rfp|问卷|采购流程|招标|安全审查|供应商审核"),
        (Cue.Haggle, "too expensive|hard to justify|per seat|site license|太贵|便宜点|降价"),
        (Cue.NegEn, "not|no|never|don't|doesn't|didn't|isn't|aren't|wasn't|won't|can't|cannot|without|hardly|nobody|nothing"),
    ];
}
