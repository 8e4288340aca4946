using System.Globalization;
using System.Text.Json;
using GtmBot.Engine.Tagging;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GtmBot.Training;

/// <summary>Cross-validated second-stage motive models over dumped out-of-fold first-stage scores (train split only).</summary>
public static class StackExperiment
{
    private sealed class Row
    {
        [KeyType(3)]
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed record Oof(string Id, Motive Gold, float[] Tags, float[] Motive, string Lang, string[] GoldTags);

    public static void Run(string[] dumps, string set, float l2, TextWriter output)
    {
        var views = dumps.Select(Read).ToList();
        var rows = views[0];
        var n = rows.Count;
        var platt = Enumerable.Range(0, QuoteTags.All.Count).Select(t => Trainer.Platt([.. rows.Select(r => r.Tags[t])], [.. rows.Select(r => r.GoldTags.Contains(QuoteTags.All[t]))])).ToArray();
        var features = Enumerable.Range(0, n).Select(i => set == "ship" ? Ship(rows[i], platt) : Build(views.Select(v => v[i]).ToList(), set)).ToArray();
        var dim = features[0].Length;
        var predicted = new int[n];
        var dense = Enumerable.Range(0, dim).ToArray();
        for (var fold = 0; fold < TrainOptions.DefaultFolds; fold++)
        {
            var ml = new MLContext(seed: 1);
            var trainIdx = Enumerable.Range(0, n).Where(i => Corpus.Fold(rows[i].Id, TrainOptions.DefaultFolds) != fold).ToList();
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dim);
            var data = ml.Data.LoadFromEnumerable(trainIdx.Select(i => new Row { Label = (uint)Index(rows[i].Gold), Features = features[i] }), schema);
            // L1 1 is ML.NET's default, which these experiments have always run with (the shipped stage uses 0).
            var model = Maxent.Fit(ml, data, TaggerModel.MotiveOrder.Count, dim, l2, l1: 1f, tolerance: 1e-7f, iterations: 500);
            for (var i = 0; i < n; i++)
            {
                if (Corpus.Fold(rows[i].Id, TrainOptions.DefaultFolds) == fold)
                {
                    predicted[i] = model.ArgMax(dense, features[i]);
                }
            }
        }

        var right = Enumerable.Range(0, n).Count(i => predicted[i] == Index(rows[i].Gold));
        var baseline = Enumerable.Range(0, n).Count(i => ArgMax(views[0][i].Motive) == Index(rows[i].Gold));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stack {set} over {dumps.Length} view(s), L2 {l2}: motive {right / (double)n:F4} (first stage {baseline / (double)n:F4}, {dim} features, {n} quotes)"));
        foreach (var lang in new[] { "en", "zh", "mixed" })
        {
            var idx = Enumerable.Range(0, n).Where(i => rows[i].Lang == lang).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {lang}: {idx.Count(i => predicted[i] == Index(rows[i].Gold)) / (double)idx.Count:F4} (first stage {idx.Count(i => ArgMax(views[0][i].Motive) == Index(rows[i].Gold)) / (double)idx.Count:F4})"));
        }

        foreach (var gold in Enumerable.Range(0, 3))
        {
            output.WriteLine($"  gold {TaggerModel.MotiveOrder[gold]}: " + string.Join(' ', Enumerable.Range(0, 3).Select(m => $"{TaggerModel.MotiveOrder[m]}={Enumerable.Range(0, n).Count(i => Index(rows[i].Gold) == gold && predicted[i] == m)}")));
        }
    }

    /// <summary>Micro-F1 of the tags from each view alone and from the views' calibrated probabilities averaged (thresholds out of fold, as <c>cv</c>).</summary>
    public static void Tags(string[] dumps, TextWriter output)
    {
        var views = dumps.Select(Read).ToList();
        var rows = views[0];
        var n = rows.Count;
        var probabilities = views.Select(v => Enumerable.Range(0, QuoteTags.All.Count).Select(t =>
        {
            var (slope, offset) = Trainer.Platt([.. v.Select(r => r.Tags[t])], [.. rows.Select(r => r.GoldTags.Contains(QuoteTags.All[t]))]);
            return v.Select(r => 1.0 / (1.0 + Math.Exp((slope * r.Tags[t]) + offset))).ToArray();
        }).ToArray()).ToList();
        for (var k = 0; k <= views.Count; k++)
        {
            int tp = 0, fp = 0, fn = 0;
            var perTag = new List<string>();
            for (var t = 0; t < QuoteTags.All.Count; t++)
            {
                var p = k < views.Count ? probabilities[k][t] : Enumerable.Range(0, n).Select(i => probabilities.Average(v => v[t][i])).ToArray();
                var labels = rows.Select(r => r.GoldTags.Contains(QuoteTags.All[t])).ToArray();
                var threshold = Trainer.BestThreshold(p, labels);
                int a = 0, b = 0, c = 0;
                for (var i = 0; i < n; i++)
                {
                    a += p[i] >= threshold && labels[i] ? 1 : 0;
                    b += p[i] >= threshold && !labels[i] ? 1 : 0;
                    c += p[i] < threshold && labels[i] ? 1 : 0;
                }

                tp += a;
                fp += b;
                fn += c;
                perTag.Add(string.Create(CultureInfo.InvariantCulture, $"{QuoteTags.All[t]} {2.0 * a / ((2.0 * a) + b + c):F3}"));
            }

            var name = k < views.Count ? dumps[k] : "average of all views";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tags, {name}: micro-F1 {2.0 * tp / ((2.0 * tp) + fp + fn):F4} ({string.Join(", ", perTag)})"));
        }
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>Each tag re-decided by a logistic regression over all first-stage outputs (tag logits, motive scores, tag pairs).</summary>
    public static void TagStack(string dump, string set, float l2, TextWriter output)
    {
        var rows = Read(dump);
        var n = rows.Count;
        var features = rows.Select(r =>
        {
            var f = new List<float>(r.Tags);
            var mean = r.Motive.Average();
            f.AddRange(r.Motive.Select(x => x - mean));
            if (set.Contains("tpair", StringComparison.Ordinal))
            {
                var tp = r.Tags.Select(x => 1f / (1f + MathF.Exp(-x))).ToArray();
                for (var a = 0; a < tp.Length; a++)
                {
                    for (var b = a + 1; b < tp.Length; b++)
                    {
                        f.Add(tp[a] * tp[b]);
                    }
                }
            }

            return f.ToArray();
        }).ToArray();
        var dim = features[0].Length;
        int tpAll = 0, fpAll = 0, fnAll = 0;
        var perTag = new List<string>();
        for (var t = 0; t < QuoteTags.All.Count; t++)
        {
            var tag = QuoteTags.All[t];
            var labels = rows.Select(r => r.GoldTags.Contains(tag)).ToArray();
            var scores = new float[n];
            for (var fold = 0; fold < TrainOptions.DefaultFolds; fold++)
            {
                var ml = new MLContext(seed: 1);
                var schema = SchemaDefinition.Create(typeof(BinaryRow));
                schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dim);
                var trainIdx = Enumerable.Range(0, n).Where(i => Corpus.Fold(rows[i].Id, TrainOptions.DefaultFolds) != fold);
                var data = ml.Data.LoadFromEnumerable(trainIdx.Select(i => new BinaryRow { Label = labels[i], Features = features[i] }), schema);
                var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    L2Regularization = l2,
                    NumberOfThreads = 1,
                    OptimizationTolerance = 1e-7f,
                    MaximumNumberOfIterations = 500,
                }).Fit(data).Model.SubModel;
                var w = model.Weights.ToArray();
                for (var i = 0; i < n; i++)
                {
                    if (Corpus.Fold(rows[i].Id, TrainOptions.DefaultFolds) == fold)
                    {
                        var sum = model.Bias;
                        for (var k = 0; k < dim; k++)
                        {
                            sum += w[k] * features[i][k];
                        }

                        scores[i] = sum;
                    }
                }
            }

            var (slope, offset) = Trainer.Platt(scores, labels);
            var p = scores.Select(x => 1.0 / (1.0 + Math.Exp((slope * x) + offset))).ToArray();
            var threshold = Trainer.BestThreshold(p, labels);
            int a1 = 0, b1 = 0, c1 = 0;
            for (var i = 0; i < n; i++)
            {
                a1 += p[i] >= threshold && labels[i] ? 1 : 0;
                b1 += p[i] >= threshold && !labels[i] ? 1 : 0;
                c1 += p[i] < threshold && labels[i] ? 1 : 0;
            }

            tpAll += a1;
            fpAll += b1;
            fnAll += c1;
            perTag.Add(string.Create(CultureInfo.InvariantCulture, $"{tag} {2.0 * a1 / ((2.0 * a1) + b1 + c1):F3}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tag stack {set}, L2 {l2}: micro-F1 {2.0 * tpAll / ((2.0 * tpAll) + fpAll + fnAll):F4} ({string.Join(", ", perTag)})"));
    }

    private static float[] Ship(Oof r, (double Slope, double Offset)[] platt)
    {
        var tp = r.Tags.Select((s, t) => (float)(1.0 / (1.0 + Math.Exp((platt[t].Slope * s) + platt[t].Offset)))).ToArray();
        var inputs = new float[MotiveStack.FeatureCount];
        MotiveStack.Inputs(r.Motive, tp, inputs);
        return inputs;
    }

    private static float[] Build(List<Oof> views, string set)
    {
        var f = new List<float>();
        var parts = set.Split('+');
        foreach (var v in views)
        {
            var mp = Softmax(v.Motive);
            var tp = v.Tags.Select(s => 1f / (1f + MathF.Exp(-s))).ToArray();
            if (parts.Contains("mlogit"))
            {
                var mean = v.Motive.Average();
                f.AddRange(v.Motive.Select(s => s - mean));
            }

            if (parts.Contains("mprob"))
            {
                f.AddRange(mp);
            }

            if (parts.Contains("tprob"))
            {
                f.AddRange(tp);
            }

            if (parts.Contains("traw"))
            {
                f.AddRange(v.Tags);
            }

            if (parts.Contains("cross"))
            {
                foreach (var m in mp)
                {
                    foreach (var t in tp)
                    {
                        f.Add(m * t);
                    }
                }
            }

            if (parts.Contains("tpair"))
            {
                for (var a = 0; a < tp.Length; a++)
                {
                    for (var b = a + 1; b < tp.Length; b++)
                    {
                        f.Add(tp[a] * tp[b]);
                    }
                }
            }

            if (parts.Contains("mquad"))
            {
                f.Add(mp[0] * mp[1]);
                f.Add(mp[0] * mp[2]);
                f.Add(mp[1] * mp[2]);
                f.Add(mp[0] * mp[0]);
                f.Add(mp[1] * mp[1]);
                f.Add(mp[2] * mp[2]);
            }
        }

        if (parts.Contains("lang"))
        {
            var l = views[0].Lang;
            f.Add(l == "en" ? 1 : 0);
            f.Add(l == "zh" ? 1 : 0);
            f.Add(l == "mixed" ? 1 : 0);
        }

        return [.. f];
    }

    private static float[] Softmax(float[] s)
    {
        var max = s.Max();
        var e = s.Select(x => MathF.Exp(x - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(x => x / sum)];
    }

    private static int ArgMax(float[] s)
    {
        var best = 0;
        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] > s[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static int Index(Motive m) => m switch { Motive.Need => 0, Motive.Want => 1, _ => 2 };

    private static List<Oof> Read(string path) => [.. File.ReadLines(path).Select(line =>
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        return new Oof(r.GetProperty("id").GetString()!, Enum.Parse<Motive>(r.GetProperty("motive").GetString()!),
            [.. r.GetProperty("scores").EnumerateArray().Select(x => x.GetSingle())],
            [.. r.GetProperty("motiveScores").EnumerateArray().Select(x => x.GetSingle())],
            r.GetProperty("lang").GetString()!, [.. r.GetProperty("gold").EnumerateArray().Select(x => x.GetString()!)]);
    })];
}
