using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// Spots lines that try to instruct whoever summarizes the feedback ("ignore previous instructions", "请忽略之前的所有指令").
/// They are reported as data and never counted as feedback; the LLM is told the whole paste is data anyway.
/// </summary>
public static partial class InjectionDetector
{
    /// <summary>
    /// True for a known override phrase, or for a line that both addresses whoever reads or summarizes it (an AI, an
    /// assistant, a summarizer, "如果你是…AI") and tells it what to do (ignore, output, report, list, mark as, 只输出, 标记为).
    /// </summary>
    public static bool IsInjection(string line) => Pattern().IsMatch(line) || (Addressee().IsMatch(line) && Command().IsMatch(line));

    [GeneratedRegex(
        @"(?ix)
        (?:ignore|disregard|forget|override)\s+(?:(?:all|any|the|your|of|my|these)\s+)*(?:previous|prior|above|earlier|preceding|former|system|your)\s+(?:instructions?|prompts?|rules|directions|guidelines)
        | (?:system|developer)\s+(?:note|prompt|message|instruction)s?\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistant|model|llm|bot|summari[sz]er)
        | \byou\s+are\s+now\b | \bnew\s+instructions?\s*: | \bact\s+as\s+(?:an?\s+)?(?:ai|assistant|system)
        | (?:忽略|无视|忘记|忘掉|不要理会)(?:之前|以上|上面|前面|先前|你的|所有)?(?:的)?(?:所有|全部|一切)?(?:的)?(?:指令|指示|提示|规则|要求|设定)
        | (?:系统|开发者)(?:提示|指令|消息)[:：]
        | (?:把|将).{0,20}标记(?:成|为).{0,40}(?:并|然后).{0,10}(?:在总结|在摘要|输出)
        ")]
    private static partial Regex Pattern();

    // Speaking to the machine that reads the paste, not about a product feature: "Note to the AI …", "Summarizer: …" (at the
    // start of the line or of a sentence), "Attention automated summarizer", "if you are an AI", "the assistant summarizing
    // this", "致负责汇总的AI：", "如果你是…AI", "AI：". A line that only mentions an AI feature ("the AI assistant replies
    // too slowly", "智能助手，回复太慢了") does not address it.
    [GeneratedRegex(
        @"(?ix)
        \b(?:note|message|instructions?|attention|memo|psa)\s*(?:to|for)?\s*(?:the\s+|any\s+|all\s+|an\s+|whatever\s+|whichever\s+|every\s+|each\s+)?(?:automated\s+|ai\s+)?(?:ai|a\.i\.|assistant|bot|llm|gpt|chatgpt|language\s+model|summari[sz]er|summary\s+(?:bot|tool))\b
        | \bif\s+you\s+are\s+(?:an?\s+|the\s+)?(?:ai|a\.i\.|assistant|bot|llm|language\s+model|summari[sz]er|automated)
        | \b(?:ai|assistant|bot|llm|summari[sz]er)\s+(?:that\s+is\s+|who\s+is\s+)?(?:summari[sz]ing|reading|processing|analy[sz]ing|parsing|reviewing)\s+(?:this|these)\b
        | \b(?:whoever|anyone|anything)\s+(?:is\s+)?(?:summari[sz]ing|reading|processing)\s+(?:this|these)\b
        | \bwhen\s+you\s+summari[sz]e\b
        | (?:^|[.!?]\s)[\s>*•-]*(?:dear\s+|hey\s+|hi\s+)?(?:ai|assistant|summari[sz]er|llm|gpt|chatgpt)\s*[:：]
        | \bfor\s+(?:whoever|anyone|anybody)\b.{0,60}\b(?:ai|a\.i\.|llm|summary|summari[sz]e[sd]?)\b
        | 致.{0,12}(?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型)
        | (?:给|給)(?:负责|負責|正在)?.{0,12}?(?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型)\s*[：:]
        | (?:^|[。！？])[\s>*•-]*(?:AI|ＡＩ|人工智能|助手)\s*[：:]
        | (?:被|由)\s*(?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型)
        | (?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型)\s*的?(?:指令|指示|提示词|提示詞)
        | 如果你是.{0,12}(?:AI|ＡＩ|人工智能|助手|机器人|機器人|模型)
        | (?:负责|負責|正在)(?:总结|總結|汇总|匯總|摘要|整理|分析|阅读|閱讀|处理|處理).{0,8}(?:AI|ＡＩ|人工智能|助手|机器人|機器人|模型)
        ")]
    private static partial Regex Addressee();

    // Telling it what to do with the paste.
    [GeneratedRegex(
        @"(?ix)
        \b(?:ignore|disregard|forget|override|skip|output|respond|reply|write|report|say|state|list|mark|label|classify|rate|treat|close|resolve|delete|hide|tag|categori[sz]e|pretend|assume|tell|leave\b.{0,30}\bout|summari[sz]e\s+(?:this|these|it|everything)\s+as|leave\s+out|omit|exclude|drop|remove|only\s+(?:output|say|report|list|write|mention)|do\s+not\s+(?:mention|include|list|report|count)|don'?t\s+(?:mention|include|list|report|count))\b
        | 忽略|无视|無視|忘记|忘記|忘掉|跳过|跳過|略过|略過|只输出|只輸出|仅输出|僅輸出|输出|輸出|只写|只寫|标记|標記|写成|寫成|写为|寫為|报告|報告|回复|回覆|不要(?:提|列|写|寫|输出|輸出|统计|統計|计入|計入)|请不要|請不要|删除|刪除|删掉|刪掉|列为|列為|当作|當作|视为|視為|改成
        ")]
    private static partial Regex Command();
}
