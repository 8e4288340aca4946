using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GtmBot.Engine.Tagging;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GtmBot.Training;

/// <summary>Hyper-parameters of one training run.</summary>
/// <param name="Kinds">Feature groups.</param>
/// <param name="L2">L2 regularisation of every logistic regression.</param>
/// <param name="Folds">Cross-validation folds for the thresholds and the calibration.</param>
/// <param name="Holdout">Score only the first fold (a quick hold-out of a fifth of the training split) instead of all folds.</param>
/// <param name="TagL2">Per tag (taxonomy order), overrides <paramref name="L2"/> for that tag's regression.</param>
/// <param name="MotiveL2">Overrides <paramref name="L2"/> for the motive's regression.</param>
/// <param name="ShowErrors">Log the out-of-fold mistakes on this tag (or "motive").</param>
/// <param name="NaiveBayes">Scale each tag's features by their naive-Bayes log-count ratio before its regression (NB-LR).</param>
/// <param name="Fraction">Share of each training fold used for fitting (a learning curve); the kept records are fixed by the id.</param>
/// <param name="TagTrainer">Binary trainer of the tag heads: lbfgs (logistic regression), sdca (logistic regression by SDCA), perceptron (averaged), svm (linear).</param>
/// <param name="PositiveWeight">Positives weigh (negatives / positives)^this in each tag's regression (0: unweighted; the perceptron takes no weights).</param>
/// <param name="StackMotive">Cross-validate a motive model over the text features plus the out-of-fold tag probabilities.</param>
/// <param name="SecondStage">Decide the motive by a second stage (<see cref="MotiveStack"/>) fitted on the out-of-fold first-stage outputs.</param>
/// <param name="SecondStageL2">L2 regularisation of the second stage.</param>
/// <param name="MotiveOnly">Fit only the motive's first stage (tags all zero): a quick screen of motive changes, whose tag scores mean nothing.</param>
/// <param name="MotiveNaiveBayes">Scale the motive's features by their largest one-class-against-the-rest naive-Bayes log-count ratio (NB-LR for the motive head only).</param>
public sealed record TrainOptions(FeatureKinds Kinds, float L2, int Folds, bool Holdout = false, IReadOnlyList<float>? TagL2 = null, float? MotiveL2 = null, bool NaiveBayes = false, string? ShowErrors = null, string? Dump = null, double Fraction = 1.0, string TagTrainer = "lbfgs", double PositiveWeight = 0, bool StackMotive = false, bool SecondStage = true, float SecondStageL2 = TrainOptions.DefaultSecondStageL2, bool MotiveOnly = false, bool MotiveNaiveBayes = false)
{
    /// <summary>Chosen by cross-validation on the training split (<c>stack</c> verb; see bench/README.md).</summary>
    public const float DefaultSecondStageL2 = 0.01f;

    /// <summary>Chosen by cross-validation on the training split (<c>cv</c> verb; see bench/README.md).</summary>
    public const float DefaultL2 = 0.001f;

    public const int DefaultFolds = 5;

    /// <summary>Precision a tag must reach (out of fold) to be asserted rather than suggested.</summary>
    public const double ConfidentPrecision = 0.9;
}

/// <summary>Cross-validated scores of a run (out-of-fold predictions over the training split).</summary>
public sealed record CrossValidation(TagEvaluation Evaluation, IReadOnlyList<TagHead> Heads, MotiveStack? Stack);

/// <summary>
/// Trains the tagger with ML.NET: one-vs-rest L-BFGS logistic regression per tag and L-BFGS maximum entropy for the motive,
/// over <see cref="QuoteFeatures"/>. Out-of-fold scores give each tag a Platt calibration, a threshold (best F1) and a
/// confidence line, and the motive a second stage (<see cref="MotiveStack"/>) over the out-of-fold outputs. One thread
/// and fixed seeds: the same corpus gives the same model file, byte for byte.
/// </summary>
public sealed class Trainer(TrainOptions options, TextWriter log)
{
    private const int Seed = 20261129;

    private const int ThresholdSteps = 99;

    private sealed class TagRow
    {
        public bool Label { get; set; }

        public float Weight { get; set; } = 1f;

        [VectorType(QuoteFeatures.Dimension)]
        public VBuffer<float> Features { get; set; }
    }

    private sealed class MotiveRow
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(QuoteFeatures.Dimension)]
        public VBuffer<float> Features { get; set; }
    }

    private sealed class StackRow
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(QuoteFeatures.Dimension + 8)]
        public VBuffer<float> Features { get; set; }
    }

    private sealed record Linear(float[] Weights, float Bias);

    private sealed record Fitted(Linear[] Tags, Linear[] Motive);

    /// <summary>Cross-validates, then trains on everything and returns the model.</summary>
    public (TaggerModel Model, CrossValidation Cv) Train(IReadOnlyList<LabelledQuote> records, string description)
    {
        var vectors = records.Select(Featurize).ToList();
        var cv = CrossValidate(records, vectors);
        var fitted = Fit(records, vectors, Enumerable.Range(0, records.Count).ToList());
        var weights = new float[QuoteFeatures.Dimension * TaggerModel.Outputs];
        var outputs = TaggerModel.Outputs;
        for (var o = 0; o < outputs; o++)
        {
            var linear = o < fitted.Tags.Length ? fitted.Tags[o] : fitted.Motive[o - fitted.Tags.Length];
            for (var f = 0; f < QuoteFeatures.Dimension; f++)
            {
                weights[(f * outputs) + o] = linear.Weights[f];
            }
        }

        var heads = cv.Heads.Select((h, t) => h with { Bias = fitted.Tags[t].Bias }).ToList();
        var model = new TaggerModel(options.Kinds, heads, [.. fitted.Motive.Select(m => m.Bias)], weights, description, cv.Stack);
        ReportQuantisation(model, fitted, vectors);
        return (model, cv);
    }

    /// <summary>Out-of-fold probabilities for every training record: calibration, thresholds and the cross-validated scores.</summary>
    public CrossValidation CrossValidate(IReadOnlyList<LabelledQuote> records, IReadOnlyList<VBuffer<float>>? vectors = null)
    {
        vectors ??= records.Select(Featurize).ToList();
        var tagCount = QuoteTags.All.Count;
        var raw = new float[records.Count, tagCount];
        var motives = new Motive[records.Count];
        var motiveRaw = new float[records.Count, TaggerModel.MotiveOrder.Count];
        var scoredFolds = options.Holdout ? 1 : options.Folds;
        for (var fold = 0; fold < scoredFolds; fold++)
        {
            var trainIdx = Enumerable.Range(0, records.Count).Where(i => Corpus.Fold(records[i].Id, options.Folds) != fold && Kept(records[i].Id)).ToList();
            var testIdx = Enumerable.Range(0, records.Count).Where(i => Corpus.Fold(records[i].Id, options.Folds) == fold).ToList();
            var fitted = Fit(records, vectors, trainIdx);
            foreach (var i in testIdx)
            {
                for (var t = 0; t < tagCount; t++)
                {
                    raw[i, t] = Dot(fitted.Tags[t], vectors[i]);
                }

                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var m = 0; m < fitted.Motive.Length; m++)
                {
                    var s = Dot(fitted.Motive[m], vectors[i]);
                    motiveRaw[i, m] = s;
                    if (s > bestScore)
                    {
                        bestScore = s;
                        best = m;
                    }
                }

                motives[i] = TaggerModel.MotiveOrder[best];
            }

            log.WriteLine($"  fold {fold + 1}/{options.Folds}: trained on {trainIdx.Count}, scored {testIdx.Count}");
        }

        if (options.StackMotive && !options.Holdout)
        {
            StackedMotive(records, vectors, raw, motives);
        }

        if (options.Holdout)
        {
            var kept = Enumerable.Range(0, records.Count).Where(i => Corpus.Fold(records[i].Id, options.Folds) == 0).ToList();
            var keptRaw = new float[kept.Count, tagCount];
            for (var k = 0; k < kept.Count; k++)
            {
                for (var t = 0; t < tagCount; t++)
                {
                    keptRaw[k, t] = raw[kept[k], t];
                }
            }

            (records, raw, motives) = ([.. kept.Select(i => records[i])], keptRaw, [.. kept.Select(i => motives[i])]);
        }

        var heads = new List<TagHead>();
        var calibrated = new float[records.Count, tagCount];
        var predicted = Enumerable.Range(0, records.Count).Select(_ => new List<string>()).ToList();
        for (var t = 0; t < tagCount; t++)
        {
            var tag = QuoteTags.All[t];
            var scores = Enumerable.Range(0, records.Count).Select(i => raw[i, t]).ToArray();
            var labels = records.Select(r => r.Tags.Contains(tag)).ToArray();
            var (slope, offset) = Platt(scores, labels);
            var p = scores.Select(s => 1.0 / (1.0 + Math.Exp((slope * s) + offset))).ToArray();
            var threshold = BestThreshold(p, labels);
            var confident = ConfidenceLine(p, labels, threshold);
            heads.Add(new TagHead(tag, 0f, (float)slope, (float)offset, (float)threshold, (float)confident));
            for (var i = 0; i < records.Count; i++)
            {
                calibrated[i, t] = (float)p[i];
                if (p[i] >= threshold)
                {
                    predicted[i].Add(tag);
                }
            }
        }

        MotiveStack? stack = null;
        if (options.SecondStage && !options.Holdout)
        {
            stack = SecondStage(records, motiveRaw, calibrated, motives);
        }

        var pairs = records.Select((r, i) => new TagPair(r.Tags, predicted[i], r.Motive, motives[i])).ToList();
        if (options.Dump is { } dump)
        {
            using var file = new StreamWriter(dump);
            for (var i = 0; i < records.Count; i++)
            {
                file.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = records[i].Id, lang = records[i].Lang, gold = records[i].Tags, motive = records[i].Motive.ToString(), predicted = predicted[i], predictedMotive = motives[i].ToString(), scores = Enumerable.Range(0, tagCount).Select(t => raw[i, t]).ToArray(), motiveScores = Enumerable.Range(0, TaggerModel.MotiveOrder.Count).Select(m => motiveRaw[i, m]).ToArray() }));
            }
        }

        if (options.ShowErrors is { } shown)
        {
            // Out-of-fold mistakes on the training split, for reading what the features miss.
            for (var i = 0; i < records.Count; i++)
            {
                var wrong = shown == "motive"
                    ? records[i].Motive != motives[i]
                    : records[i].Tags.Contains(shown) != predicted[i].Contains(shown);
                if (wrong)
                {
                    log.WriteLine($"  {(shown == "motive" ? $"{records[i].Motive}→{motives[i]}" : records[i].Tags.Contains(shown) ? "missed" : "extra")}  [{string.Join(',', records[i].Tags)}] {records[i].Text}");
                }
            }
        }

        foreach (var gold in TaggerModel.MotiveOrder)
        {
            log.WriteLine($"  motive {gold}: " + string.Join(' ', TaggerModel.MotiveOrder.Select(m => $"{m}={pairs.Count(p => p.GoldMotive == gold && p.PredictedMotive == m)}")));
        }

        return new CrossValidation(TagEvaluation.Score(pairs), heads, stack);
    }

    private sealed class DenseRow
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(MotiveStack.FeatureCount)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>
    /// The motive's second stage: cross-validated over the same folds on the out-of-fold first-stage outputs (overwriting
    /// <paramref name="motives"/> with its out-of-fold choices), then fitted on all of them for the model.
    /// </summary>
    private MotiveStack SecondStage(IReadOnlyList<LabelledQuote> records, float[,] motiveRaw, float[,] tagP, Motive[] motives)
    {
        var inputs = new float[records.Count][];
        Span<float> scores = stackalloc float[TaggerModel.MotiveOrder.Count];
        Span<float> probabilities = stackalloc float[QuoteTags.All.Count];
        for (var i = 0; i < records.Count; i++)
        {
            for (var m = 0; m < scores.Length; m++)
            {
                scores[m] = motiveRaw[i, m];
            }

            for (var t = 0; t < probabilities.Length; t++)
            {
                probabilities[t] = tagP[i, t];
            }

            inputs[i] = new float[MotiveStack.FeatureCount];
            MotiveStack.Inputs(scores, probabilities, inputs[i]);
        }

        for (var fold = 0; fold < options.Folds; fold++)
        {
            var stack = FitStack(records, inputs, [.. Enumerable.Range(0, records.Count).Where(i => Corpus.Fold(records[i].Id, options.Folds) != fold && Kept(records[i].Id))]);
            for (var i = 0; i < records.Count; i++)
            {
                if (Corpus.Fold(records[i].Id, options.Folds) == fold)
                {
                    for (var m = 0; m < scores.Length; m++)
                    {
                        scores[m] = motiveRaw[i, m];
                    }

                    for (var t = 0; t < probabilities.Length; t++)
                    {
                        probabilities[t] = tagP[i, t];
                    }

                    stack.Apply(scores, probabilities);
                    motives[i] = TaggerModel.MotiveOrder[scores.IndexOf(Max(scores))];
                }
            }
        }

        log.WriteLine("  second-stage motive cross-validated");
        return FitStack(records, inputs, [.. Enumerable.Range(0, records.Count).Where(i => Kept(records[i].Id))]);
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private MotiveStack FitStack(IReadOnlyList<LabelledQuote> records, float[][] inputs, List<int> rows)
    {
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(i => new DenseRow { Label = (uint)IndexOfMotive(records[i].Motive), Features = inputs[i] }));
        var model = Maxent.Fit(ml, data, TaggerModel.MotiveOrder.Count, MotiveStack.FeatureCount, options.SecondStageL2, l1: 0, tolerance: 1e-7f, iterations: 500);
        return new MotiveStack([.. model.Weights.SelectMany(w => w)], model.Bias);
    }

    /// <summary>How many of the training quotes' decisions the quantised weights change (they should be a handful).</summary>
    private void ReportQuantisation(TaggerModel model, Fitted fitted, IReadOnlyList<VBuffer<float>> vectors)
    {
        var changed = 0;
        double worst = 0;
        Span<float> scores = stackalloc float[TaggerModel.Outputs];
        for (var i = 0; i < vectors.Count; i++)
        {
            var x = vectors[i];
            var sparse = SparseVector.Of(x.GetIndices(), x.GetValues());
            model.Score(sparse, scores);
            for (var o = 0; o < TaggerModel.Outputs; o++)
            {
                var exact = o < fitted.Tags.Length ? Dot(fitted.Tags[o], x) - fitted.Tags[o].Bias : Dot(fitted.Motive[o - fitted.Tags.Length], x) - fitted.Motive[o - fitted.Tags.Length].Bias;
                worst = Math.Max(worst, Math.Abs(exact - scores[o]));
                if (o < fitted.Tags.Length)
                {
                    var head = model.Heads[o];
                    bool Given(float s) => 1f / (1f + MathF.Exp((head.Slope * (s + head.Bias)) + head.Offset)) >= head.Threshold;
                    changed += Given(exact) != Given(scores[o]) ? 1 : 0;
                }
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quantised weights: largest score change {worst:F4}, {changed} of {vectors.Count * QuoteTags.All.Count} tag decisions on the training quotes changed"));
    }

    /// <summary>Whether a record is in the <see cref="TrainOptions.Fraction"/> of its training fold (nested: 40 % ⊂ 70 % ⊂ 100 %).</summary>
    private bool Kept(string id)
    {
        if (options.Fraction >= 1.0)
        {
            return true;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return ((hash[2] << 8) | hash[3]) % 1000 < options.Fraction * 1000;
    }

    /// <summary>
    /// Motive over the text features plus each tag's out-of-fold probability (stacking): the tag probabilities of every
    /// record come from models that did not see it; the motive is cross-validated over the same folds. Overwrites
    /// <paramref name="motives"/> with the stacked model's out-of-fold choices.
    /// </summary>
    private void StackedMotive(IReadOnlyList<LabelledQuote> records, IReadOnlyList<VBuffer<float>> vectors, float[,] raw, Motive[] motives)
    {
        var stacked = Enumerable.Range(0, records.Count).Select(i => Stack(vectors[i], Enumerable.Range(0, QuoteTags.All.Count).Select(t => raw[i, t]).ToArray())).ToList();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var trainIdx = Enumerable.Range(0, records.Count).Where(i => Corpus.Fold(records[i].Id, options.Folds) != fold && Kept(records[i].Id)).ToList();
            var ml = new MLContext(seed: Seed);
            var data = ml.Data.LoadFromEnumerable(trainIdx.Select(i => new StackRow { Label = (uint)IndexOfMotive(records[i].Motive), Features = stacked[i] }));
            var model = FitMotive(ml, data, QuoteFeatures.Dimension + 8, options.MotiveL2 ?? options.L2);
            for (var i = 0; i < records.Count; i++)
            {
                if (Corpus.Fold(records[i].Id, options.Folds) == fold)
                {
                    motives[i] = TaggerModel.MotiveOrder[model.ArgMax(stacked[i].GetIndices(), stacked[i].GetValues())];
                }
            }

            log.WriteLine($"  stacked motive fold {fold + 1}/{options.Folds}");
        }
    }

    /// <summary>The text features with each tag's probability appended after them.</summary>
    private static VBuffer<float> Stack(VBuffer<float> x, float[] tagScores)
    {
        var values = x.GetValues().ToArray().Concat(tagScores.Select(s => 1f / (1f + MathF.Exp(-s)))).ToArray();
        var indices = x.GetIndices().ToArray().Concat(Enumerable.Range(QuoteFeatures.Dimension, tagScores.Length)).ToArray();
        return new VBuffer<float>(QuoteFeatures.Dimension + tagScores.Length, values.Length, values, indices);
    }

    private VBuffer<float> Featurize(LabelledQuote record)
    {
        var vector = new SparseVector();
        QuoteFeatures.Extract(record.Text, options.Kinds, vector);
        return new VBuffer<float>(QuoteFeatures.Dimension, vector.Count, vector.Values.ToArray(), vector.Indices.ToArray());
    }

    private static float Dot(Linear linear, VBuffer<float> x)
    {
        var sum = linear.Bias;
        var values = x.GetValues();
        var indices = x.GetIndices();
        for (var i = 0; i < values.Length; i++)
        {
            sum += linear.Weights[indices[i]] * values[i];
        }

        return sum;
    }

    private Fitted Fit(IReadOnlyList<LabelledQuote> records, IReadOnlyList<VBuffer<float>> vectors, List<int> rows)
    {
        var ml = new MLContext(seed: Seed);
        var tags = new Linear[QuoteTags.All.Count];
        for (var t = 0; t < tags.Length; t++)
        {
            if (options.MotiveOnly)
            {
                tags[t] = new Linear(new float[QuoteFeatures.Dimension], 0f);
                continue;
            }

            var tag = QuoteTags.All[t];
            var ratio = options.NaiveBayes ? LogCountRatio(rows.Select(i => (vectors[i], records[i].Tags.Contains(tag)))) : null;
            var positives = rows.Count(i => records[i].Tags.Contains(tag));
            var positiveWeight = options.PositiveWeight > 0 && positives > 0 ? (float)Math.Pow((rows.Count - positives) / (double)positives, options.PositiveWeight) : 1f;
            var data = ml.Data.LoadFromEnumerable(rows.Select(i => new TagRow { Label = records[i].Tags.Contains(tag), Weight = records[i].Tags.Contains(tag) ? positiveWeight : 1f, Features = ratio is null ? vectors[i] : Scale(vectors[i], ratio) }));
            var l2 = options.TagL2?[t] ?? options.L2;
            var weightColumn = options.PositiveWeight > 0 ? nameof(TagRow.Weight) : null;
            var (w, bias) = FitBinary(ml, data, l2, weightColumn);
            if (ratio is not null)
            {
                // The regression saw x·r, so its weights on the raw features are w·r: scoring stays one dot product.
                for (var f = 0; f < w.Length; f++)
                {
                    w[f] *= ratio[f];
                }
            }

            tags[t] = new Linear(w, bias);
        }

        // NB-LR for the motive: each feature scaled by its largest one-class-against-the-rest log-count ratio (in size).
        var motiveRatio = options.MotiveNaiveBayes ? MotiveRatio(rows.Select(i => (vectors[i], records[i].Motive))) : null;
        var motiveData = ml.Data.LoadFromEnumerable(rows.Select(i => new MotiveRow { Label = (uint)IndexOfMotive(records[i].Motive), Features = motiveRatio is null ? vectors[i] : Scale(vectors[i], motiveRatio) }));
        var maxent = FitMotive(ml, motiveData, QuoteFeatures.Dimension, options.MotiveL2 ?? options.L2);
        if (motiveRatio is not null)
        {
            foreach (var w in maxent.Weights)
            {
                for (var f = 0; f < w.Length; f++)
                {
                    w[f] *= motiveRatio[f];
                }
            }
        }

        var motive = maxent.Weights.Select((w, m) => new Linear(w, maxent.Bias[m])).ToArray();
        return new Fitted(tags, motive);
    }

    /// <summary>The motive's first-stage regression (no L1; the tolerance and iterations of the tag heads).</summary>
    private static MaxentWeights FitMotive(MLContext ml, IDataView data, int dimension, float l2) =>
        Maxent.Fit(ml, data, TaggerModel.MotiveOrder.Count, dimension, l2, l1: 0, tolerance: 1e-6f, iterations: 200);

    private (float[] Weights, float Bias) FitBinary(MLContext ml, IDataView data, float l2, string? weightColumn)
    {
        var binary = ml.BinaryClassification.Trainers;
        switch (options.TagTrainer)
        {
            case "lbfgs":
                {
                    var model = binary.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                    {
                        L2Regularization = l2,
                        L1Regularization = 0,
                        NumberOfThreads = 1,
                        OptimizationTolerance = 1e-6f,
                        MaximumNumberOfIterations = 200,
                        ExampleWeightColumnName = weightColumn,
                    }).Fit(data).Model.SubModel;
                    return (model.Weights.ToArray(), model.Bias);
                }

            case "sdca":
                {
                    var model = binary.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                    {
                        L2Regularization = l2,
                        L1Regularization = 0,
                        NumberOfThreads = 1,
                        Shuffle = false,
                        ExampleWeightColumnName = weightColumn,
                    }).Fit(data).Model.SubModel;
                    return (model.Weights.ToArray(), model.Bias);
                }

            case "perceptron":
                {
                    var model = binary.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                    {
                        L2Regularization = l2,
                        NumberOfIterations = 10,
                        Shuffle = false,
                    }).Fit(data).Model;
                    return (model.Weights.ToArray(), model.Bias);
                }

            case "svm":
                {
                    var model = binary.LinearSvm(new LinearSvmTrainer.Options
                    {
                        Lambda = l2,
                        NumberOfIterations = 10,
                        Shuffle = false,
                        ExampleWeightColumnName = weightColumn,
                    }).Fit(data).Model;
                    return (model.Weights.ToArray(), model.Bias);
                }

            default:
                throw new ArgumentException($"unknown trainer {options.TagTrainer}: lbfgs | sdca | perceptron | svm");
        }
    }

    /// <summary>
    /// Naive-Bayes log-count ratio of every feature for one tag (Wang and Manning 2012, "Baselines and bigrams"): presence
    /// counts among positives against negatives, smoothed by one. Features never seen get ratio 0.
    /// </summary>
    private static float[] LogCountRatio(IEnumerable<(VBuffer<float> X, bool Label)> rows)
    {
        var positive = new float[QuoteFeatures.Dimension];
        var negative = new float[QuoteFeatures.Dimension];
        var seen = new bool[QuoteFeatures.Dimension];
        foreach (var (x, label) in rows)
        {
            var counts = label ? positive : negative;
            foreach (var f in x.GetIndices())
            {
                counts[f] += 1;
                seen[f] = true;
            }
        }

        double pSum = 0, nSum = 0;
        for (var f = 0; f < positive.Length; f++)
        {
            if (seen[f])
            {
                pSum += positive[f] + 1;
                nSum += negative[f] + 1;
            }
        }

        var ratio = new float[QuoteFeatures.Dimension];
        for (var f = 0; f < ratio.Length; f++)
        {
            if (seen[f])
            {
                ratio[f] = (float)Math.Log((positive[f] + 1) / pSum / ((negative[f] + 1) / nSum));
            }
        }

        return ratio;
    }

    /// <summary>Per feature, the largest size of its log-count ratio for one motive class against the other two.</summary>
    private static float[] MotiveRatio(IEnumerable<(VBuffer<float> X, Motive Motive)> rows)
    {
        var list = rows.ToList();
        var ratio = new float[QuoteFeatures.Dimension];
        foreach (var motive in TaggerModel.MotiveOrder)
        {
            var one = LogCountRatio(list.Select(r => (r.X, r.Motive == motive)));
            for (var f = 0; f < ratio.Length; f++)
            {
                ratio[f] = Math.Max(ratio[f], Math.Abs(one[f]));
            }
        }

        return ratio;
    }

    private static VBuffer<float> Scale(VBuffer<float> x, float[] ratio)
    {
        var indices = x.GetIndices();
        var values = x.GetValues().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= ratio[indices[i]];
        }

        return new VBuffer<float>(x.Length, values.Length, values, indices.ToArray());
    }

    private static int IndexOfMotive(Motive motive)
    {
        for (var m = 0; m < TaggerModel.MotiveOrder.Count; m++)
        {
            if (TaggerModel.MotiveOrder[m] == motive)
            {
                return m;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(motive));
    }

    /// <summary>Platt scaling fitted by Newton's method on out-of-fold scores (Platt 1999, with his target smoothing).</summary>
    internal static (double Slope, double Offset) Platt(float[] scores, bool[] labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Length - positives;
        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (negatives + 2.0);
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var target = labels[i] ? hi : lo;
                var p = 1.0 / (1.0 + Math.Exp((a * scores[i]) + b));
                var d2 = p * (1 - p);
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                var d1 = target - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            var det = (h11 * h22) - (h21 * h21);
            var da = -((h22 * g1) - (h21 * g2)) / det;
            var db = -((-h21 * g1) + (h11 * g2)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) < 1e-9 && Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return (a, b);
    }

    internal static double BestThreshold(double[] p, bool[] labels)
    {
        var best = 0.5;
        var bestF1 = -1.0;
        for (var step = 1; step <= ThresholdSteps; step++)
        {
            var threshold = step / 100.0;
            var f1 = F1(p, labels, threshold);
            if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && Math.Abs(threshold - 0.5) < Math.Abs(best - 0.5)))
            {
                bestF1 = f1;
                best = threshold;
            }
        }

        return best;
    }

    private static double ConfidenceLine(double[] p, bool[] labels, double threshold)
    {
        for (var step = (int)Math.Round(threshold * 100); step <= ThresholdSteps; step++)
        {
            var line = step / 100.0;
            int tp = 0, fp = 0;
            for (var i = 0; i < p.Length; i++)
            {
                if (p[i] >= line)
                {
                    tp += labels[i] ? 1 : 0;
                    fp += labels[i] ? 0 : 1;
                }
            }

            if (tp + fp > 0 && (double)tp / (tp + fp) >= TrainOptions.ConfidentPrecision)
            {
                return line;
            }
        }

        return 1.0;
    }

    private static double F1(double[] p, bool[] labels, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var yes = p[i] >= threshold;
            tp += yes && labels[i] ? 1 : 0;
            fp += yes && !labels[i] ? 1 : 0;
            fn += !yes && labels[i] ? 1 : 0;
        }

        return tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
    }

    /// <summary>A short hash of the training lines, for the model's description.</summary>
    public static string CorpusHash(IEnumerable<LabelledQuote> records)
    {
        var sb = new StringBuilder();
        foreach (var r in records)
        {
            sb.Append(r.Line).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    /// <summary>One line per tag and the micro and motive figures.</summary>
    public static void Report(TextWriter writer, string title, TagEvaluation eval)
    {
        writer.WriteLine($"{title} ({eval.Count} quotes)");
        writer.WriteLine("tag              precision  recall  F1");
        foreach (var s in eval.PerTag.Append(eval.Micro))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Tag,-16} {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,5:F3}"));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"micro-F1 {eval.Micro.F1:F3} · motive accuracy {eval.MotiveAccuracy:F3}"));
    }
}
