using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// Spots lines that try to instruct whoever summarizes the feedback ("ignore previous instructions", "请忽略之前的所有指令").
/// They are reported as data and never counted as feedback; the LLM is told the whole paste is data anyway.
/// </summary>
public static partial class InjectionDetector
{
    public static bool IsInjection(string line) => Pattern().IsMatch(line);

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
}
