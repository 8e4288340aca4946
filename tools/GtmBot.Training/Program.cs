using System.Globalization;
using GtmBot.Engine.Tagging;
using GtmBot.Training;

// Verbs (run from anywhere inside the repo; paths default to the repo's):
//   corpus [--parts DIR] [--out DIR]          assemble labelled parts into data/quotes/train.jsonl + test.jsonl (frozen split)
//   train [--train FILE] [--include FILE]... [--features words,chars,cues,stems,…] [--l2 X] [--out FILE]
//                                             cross-validate on train, fit on all of train, write data/model/tagger.bin
//   cv [--train FILE] [--features …] [--l2 X,Y,…] [--holdout]   cross-validated scores only (for choosing features and
//                                             regularisation); --holdout scores one fold only, for a quick search;
//                                             --tag-l2 (8 values) / --motive-l2 / --nb change the regressions; --errors TAG|motive
//                                             lists the out-of-fold mistakes; --dump FILE writes the out-of-fold predictions;
//                                             --fraction F (learning curve), --trainer lbfgs|sdca|perceptron|svm, --pos-weight X,
//                                             --stack (motive over the text and out-of-fold tag probabilities; cv only),
//                                             --no-second-stage (motive from the first stage alone), --second-stage-l2 X,
//                                             --motive-nb (naive-Bayes scaled features for the motive head only),
//                                             --motive-only (fit the motive's first stage alone: a quick motive screen; tag scores meaningless)
//   stack --dump FILE [--dump FILE2] --set S,… [--l2 X,…]   second-stage motive variants cross-validated over dumped
//                                             out-of-fold outputs (cv --dump); sets: ship, or mlogit/mprob/tprob/traw/cross/
//                                             tpair/mquad/lang joined by +
var root = RepoRoot();
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: corpus | train | cv  (see tools/GtmBot.Training/Program.cs)");
    return 2;
}

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

IEnumerable<string> Options(string name)
{
    for (var i = 0; i < args.Length - 1; i++)
    {
        if (args[i] == name)
        {
            yield return args[i + 1];
        }
    }
}

IReadOnlyList<float>? TagL2() => Option("--tag-l2", string.Empty) is { Length: > 0 } list
    ? [.. list.Split(',').Select(x => float.Parse(x, CultureInfo.InvariantCulture))]
    : null;

float? MotiveL2() => Option("--motive-l2", string.Empty) is { Length: > 0 } x ? float.Parse(x, CultureInfo.InvariantCulture) : null;

TrainOptions Variant(float l2, bool holdout) => new(Kinds(), l2, TrainOptions.DefaultFolds, holdout, TagL2(), MotiveL2(), args.Contains("--nb"), Option("--errors", string.Empty) is { Length: > 0 } e ? e : null, Option("--dump", string.Empty) is { Length: > 0 } d ? d : null,
    double.Parse(Option("--fraction", "1"), CultureInfo.InvariantCulture), Option("--trainer", "lbfgs"), double.Parse(Option("--pos-weight", "0"), CultureInfo.InvariantCulture), args.Contains("--stack"),
    !args.Contains("--no-second-stage"), float.Parse(Option("--second-stage-l2", TrainOptions.DefaultSecondStageL2.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    args.Contains("--motive-only"), args.Contains("--motive-nb"));

static string Describe(FeatureKinds kinds) => string.Join(',', Enum.GetValues<FeatureKinds>()
    .Where(k => k is not FeatureKinds.None and not FeatureKinds.Default && kinds.HasFlag(k)).Select(k => k.ToString().ToLowerInvariant()));

FeatureKinds Kinds() => Option("--features", FeatureKinds.Default.ToString()).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Aggregate(FeatureKinds.None, (k, name) => k | Enum.Parse<FeatureKinds>(name, ignoreCase: true));

switch (args[0])
{
    case "corpus":
        {
            var parts = Option("--parts", string.Empty);
            if (parts.Length == 0)
            {
                Console.Error.WriteLine("usage: corpus --parts DIR [--out DIR]  (DIR holds the labelled *.jsonl parts)");
                return 2;
            }
            var output = Option("--out", Path.Combine(root, "data", "quotes"));
            var rejected = Corpus.Assemble(parts, output, Console.Error);
            return rejected == 0 ? 0 : 1;
        }

    case "train":
        {
            var trainPath = Option("--train", Path.Combine(root, "data", "quotes", "train.jsonl"));
            var records = Corpus.Read(trainPath);
            foreach (var extra in Options("--include"))
            {
                var added = Corpus.Read(extra, skipInvalid: true, Console.Error);
                Console.Error.WriteLine($"including {added.Count} labelled examples from {extra}");
                records.AddRange(added);
            }

            if (args.Contains("--stack") || args.Contains("--fraction") || args.Contains("--motive-only"))
            {
                Console.Error.WriteLine("--stack, --fraction and --motive-only are cv options: the model file has no stacked motive, train fits on all of the training split, and a model needs its tags");
                return 2;
            }

            var l2 = float.Parse(Option("--l2", TrainOptions.DefaultL2.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            var options = Variant(l2, holdout: false);
            var output = Option("--out", Path.Combine(root, TaggerModel.RepoPath));
            var description = $"corpus {Trainer.CorpusHash(records)} ({records.Count} quotes), features {Describe(options.Kinds)}, L2 {l2.ToString(CultureInfo.InvariantCulture)}{(options.MotiveNaiveBayes ? ", motive NB-scaled" : string.Empty)}{(options.MotiveL2 is { } motiveL2 ? $", motive L2 {motiveL2.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}{(options.SecondStage ? $", motive second stage L2 {options.SecondStageL2.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}, int8 weights";
            Console.Error.WriteLine($"training: {description}");
            var (model, cv) = new Trainer(options, Console.Error).Train(records, description);
            Trainer.Report(Console.Out, $"cross-validated on {Path.GetFileName(trainPath)}", cv.Evaluation);
            foreach (var head in model.Heads)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {head.Tag,-16} threshold {head.Threshold:F2} confident {head.Confident:F2}"));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            using (var file = File.Create(output))
            {
                model.Save(file);
            }

            Console.Error.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes)");
            return 0;
        }

    case "cv":
        {
            var records = Corpus.Read(Option("--train", Path.Combine(root, "data", "quotes", "train.jsonl")));
            foreach (var l2Text in Option("--l2", TrainOptions.DefaultL2.ToString(CultureInfo.InvariantCulture)).Split(','))
            {
                var l2 = float.Parse(l2Text, CultureInfo.InvariantCulture);
                var options = Variant(l2, args.Contains("--holdout"));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var cv = new Trainer(options, Console.Error).CrossValidate(records);
                var what = options.Holdout ? "hold-out (fold 1 of 5)" : "cv";
                Trainer.Report(Console.Out, $"{what} {options} ({clock.Elapsed.TotalSeconds:F0} s)", cv.Evaluation);
            }

            return 0;
        }

    case "stack":
        {
            if (args.Contains("--tag-stack"))
            {
                foreach (var set in Option("--set", "logits").Split(','))
                {
                    StackExperiment.TagStack(Options("--dump").First(), set, float.Parse(Option("--l2", "0.01"), CultureInfo.InvariantCulture), Console.Out);
                }

                return 0;
            }

            if (args.Contains("--tags"))
            {
                StackExperiment.Tags([.. Options("--dump")], Console.Out);
                return 0;
            }

            foreach (var set in Option("--set", "mlogit").Split(','))
            {
                foreach (var l2Text in Option("--l2", "0.01").Split(','))
                {
                    StackExperiment.Run([.. Options("--dump")], set, float.Parse(l2Text, CultureInfo.InvariantCulture), Console.Out);
                }
            }

            return 0;
        }

    default:
        Console.Error.WriteLine($"unknown verb {args[0]}: corpus | train | cv");
        return 2;
}

static string RepoRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
