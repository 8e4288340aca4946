using BenchmarkDotNet.Running;
using GtmBot.Bench;

// `eval [path] [--misses]` scores the rule tagger on a labelled set; `cpu [n]` measures tagging per CPU second;
// `themes-eval DIR…` the summarizer's themes on feedback documents; `themes-background FILE…` rebuilds the theme engine's
// corpus frequencies; anything else runs BenchmarkDotNet.
if (args.Length > 0 && args[0] == "eval")
{
    return QuoteEval.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "cpu")
{
    return CpuThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "themes-eval")
{
    return ThemesEval.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "themes-speed")
{
    return ThemesEval.Speed(args[1..]);
}

if (args.Length > 0 && args[0] == "themes-background")
{
    return ThemesEval.Background(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(QuoteTaggerBenchmark).Assembly).Run(args);
return 0;
