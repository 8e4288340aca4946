namespace GtmBot.Engine.Tagging;

/// <summary>
/// The motive's second stage (stacking): a multinomial logistic regression over the first stage's outputs — the three
/// motive scores (centred), the eight calibrated tag probabilities, and each motive probability times each tag probability
/// — so what the quote is (a request, a pain, praise, an objection) can move need, want and unclear. Fitted by
/// tools/GtmBot.Training on out-of-fold first-stage outputs of the training split, so it learns how far to trust them.
/// </summary>
/// <param name="Weights"><see cref="FeatureCount"/> weights per motive class (<see cref="TaggerModel.MotiveOrder"/>), class after class.</param>
/// <param name="Bias">One per motive class.</param>
public sealed record MotiveStack(float[] Weights, float[] Bias)
{
    private const int Motives = 3;

    private const int Tags = 8;

    /// <summary>Inputs of the second stage: centred motive scores, tag probabilities, their products.</summary>
    public const int FeatureCount = Motives + Tags + (Motives * Tags);

    public int Width => FeatureCount;

    /// <summary>The second stage's inputs from the first stage's motive scores (bias included) and tag probabilities.</summary>
    public static void Inputs(ReadOnlySpan<float> motiveScores, ReadOnlySpan<float> tagProbabilities, Span<float> inputs)
    {
        var mean = (motiveScores[0] + motiveScores[1] + motiveScores[2]) / Motives;
        var max = Math.Max(motiveScores[0], Math.Max(motiveScores[1], motiveScores[2]));
        Span<float> p = stackalloc float[Motives];
        var sum = 0f;
        for (var m = 0; m < Motives; m++)
        {
            inputs[m] = motiveScores[m] - mean;
            p[m] = MathF.Exp(motiveScores[m] - max);
            sum += p[m];
        }

        for (var t = 0; t < Tags; t++)
        {
            inputs[Motives + t] = tagProbabilities[t];
        }

        var k = Motives + Tags;
        for (var m = 0; m < Motives; m++)
        {
            for (var t = 0; t < Tags; t++)
            {
                inputs[k++] = p[m] / sum * tagProbabilities[t];
            }
        }
    }

    /// <summary>Replaces the first stage's motive scores with the second stage's.</summary>
    public void Apply(Span<float> motiveScores, ReadOnlySpan<float> tagProbabilities)
    {
        Span<float> inputs = stackalloc float[FeatureCount];
        Inputs(motiveScores, tagProbabilities, inputs);
        for (var m = 0; m < Motives; m++)
        {
            var sum = Bias[m];
            for (var k = 0; k < FeatureCount; k++)
            {
                sum += Weights[(m * FeatureCount) + k] * inputs[k];
            }

            motiveScores[m] = sum;
        }
    }
}
